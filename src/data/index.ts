/**
 * The bundled rate card: the only module that imports the JSON data. Each file is validated against
 * the schema in `npm run validate:card` and in the tests, so a broken card fails the build, never a user.
 */
import { RateEngine, type RateCard } from "../engine";
import meta from "./card-meta.json";
import fringes from "./fringes.json";
import roles_art from "./roles/art.json";
import roles_camera from "./roles/camera.json";
import roles_casting from "./roles/casting.json";
import roles_construction from "./roles/construction.json";
import roles_costume from "./roles/costume.json";
import roles_craft_catering from "./roles/craft-catering.json";
import roles_directing from "./roles/directing.json";
import roles_editorial from "./roles/editorial.json";
import roles_electric from "./roles/electric.json";
import roles_grip from "./roles/grip.json";
import roles_hair_makeup from "./roles/hair-makeup.json";
import roles_locations from "./roles/locations.json";
import roles_medical_safety from "./roles/medical-safety.json";
import roles_music from "./roles/music.json";
import roles_post_sound from "./roles/post-sound.json";
import roles_producers from "./roles/producers.json";
import roles_production from "./roles/production.json";
import roles_props from "./roles/props.json";
import roles_publicity from "./roles/publicity.json";
import roles_script from "./roles/script.json";
import roles_set_decoration from "./roles/set-decoration.json";
import roles_sound from "./roles/sound.json";
import roles_special_effects from "./roles/special-effects.json";
import roles_stunts from "./roles/stunts.json";
import roles_transportation from "./roles/transportation.json";
import roles_vfx from "./roles/vfx.json";
import scale_dga from "./scales/dga.json";
import scale_iatse_44 from "./scales/iatse-44.json";
import scale_iatse_600 from "./scales/iatse-600.json";
import scale_iatse_700 from "./scales/iatse-700.json";
import scale_iatse_728 from "./scales/iatse-728.json";
import scale_iatse_80 from "./scales/iatse-80.json";
import scale_iatse_800 from "./scales/iatse-800.json";
import scale_teamsters_399 from "./scales/teamsters-399.json";
import scale_iatse_asa from "./scales/iatse-asa.json";
import scale_iatse_52 from "./scales/iatse-52.json";
import scale_iatse_lbt_1a from "./scales/iatse-lbt-1a.json";
import scale_iatse_lbt_1b from "./scales/iatse-lbt-1b.json";
import scale_iatse_lbt_2 from "./scales/iatse-lbt-2.json";
import scale_iatse_lbt_2_npc from "./scales/iatse-lbt-2-npc.json";
import scale_iatse_lbt_3 from "./scales/iatse-lbt-3.json";
import scale_iatse_lbt_3_npc from "./scales/iatse-lbt-3-npc.json";
import scale_iatse_lbt_ultra_low from "./scales/iatse-lbt-ultra-low.json";
import scale_iatse_80_first_aid from "./scales/iatse-80-first-aid.json";
import scale_iatse_705 from "./scales/iatse-705.json";
import scale_iatse_695 from "./scales/iatse-695.json";
import scale_iatse_600_amendment from "./scales/iatse-600-amendment.json";
import scale_iatse_asa_md from "./scales/iatse-asa-md.json";
import scale_iatse_asa_tv_long_form from "./scales/iatse-asa-tv-long-form.json";
import scale_iatse_asa_tv_other from "./scales/iatse-asa-tv-other.json";
import scale_iatse_asa_md_tv_long_form from "./scales/iatse-asa-md-tv-long-form.json";
import scale_iatse_asa_md_tv_other from "./scales/iatse-asa-md-tv-other.json";
import scale_iatse_52_tv from "./scales/iatse-52-tv.json";
import scale_iatse_52_tv_half_hour from "./scales/iatse-52-tv-half-hour.json";
import scale_iatse_52_tv_half_hour_before_oct_2024 from "./scales/iatse-52-tv-half-hour-before-oct-2024.json";
import scale_iatse_52_tv_long_form from "./scales/iatse-52-tv-long-form.json";
import scale_iatse_52_tv_one_hour_before_2006 from "./scales/iatse-52-tv-one-hour-before-2006.json";
import scale_iatse_52_tv_one_hour_new from "./scales/iatse-52-tv-one-hour-new.json";
import scale_iatse_52_tv_one_hour_new_before_oct_2024 from "./scales/iatse-52-tv-one-hour-new-before-oct-2024.json";
import scale_iatse_52_tv_one_hour_season_3 from "./scales/iatse-52-tv-one-hour-season-3.json";
import scale_iatse_asa_dc from "./scales/iatse-asa-dc.json";
import scale_iatse_asa_dc_tv_long_form from "./scales/iatse-asa-dc-tv-long-form.json";
import scale_iatse_asa_dc_tv_other from "./scales/iatse-asa-dc-tv-other.json";
import scale_iatse_asa_new_england from "./scales/iatse-asa-new-england.json";
import scale_iatse_600_amendment_outside from "./scales/iatse-600-amendment-outside.json";
import scale_iatse_600_amendment_md from "./scales/iatse-600-amendment-md.json";
import scale_iatse_600_amendment_one_hour from "./scales/iatse-600-amendment-one-hour.json";
import scale_iatse_600_amendment_outside_one_hour from "./scales/iatse-600-amendment-outside-one-hour.json";
import scale_iatse_600_one_hour from "./scales/iatse-600-one-hour.json";
import scale_iatse_80_one_hour from "./scales/iatse-80-one-hour.json";
import scale_iatse_80_first_aid_one_hour from "./scales/iatse-80-first-aid-one-hour.json";
import scale_iatse_44_one_hour from "./scales/iatse-44-one-hour.json";
import scale_iatse_728_one_hour from "./scales/iatse-728-one-hour.json";
import scale_iatse_800_one_hour from "./scales/iatse-800-one-hour.json";
import scale_iatse_600_one_hour_s2 from "./scales/iatse-600-one-hour-s2.json";
import scale_iatse_80_one_hour_s2 from "./scales/iatse-80-one-hour-s2.json";
import scale_iatse_80_first_aid_one_hour_s2 from "./scales/iatse-80-first-aid-one-hour-s2.json";
import scale_iatse_44_one_hour_s2 from "./scales/iatse-44-one-hour-s2.json";
import scale_iatse_728_one_hour_s2 from "./scales/iatse-728-one-hour-s2.json";
import scale_iatse_800_one_hour_s2 from "./scales/iatse-800-one-hour-s2.json";

type RoleFile = {
  department: RateCard["departments"][number];
  roles: Omit<RateCard["roles"][number], "department">[];
};

/** The role files, one per department, in the order the pane lists departments. */
export const roleFiles = [
  roles_producers,
  roles_directing,
  roles_production,
  roles_script,
  roles_locations,
  roles_casting,
  roles_camera,
  roles_grip,
  roles_electric,
  roles_sound,
  roles_art,
  roles_set_decoration,
  roles_props,
  roles_construction,
  roles_costume,
  roles_hair_makeup,
  roles_special_effects,
  roles_stunts,
  roles_transportation,
  roles_craft_catering,
  roles_medical_safety,
  roles_editorial,
  roles_post_sound,
  roles_vfx,
  roles_music,
  roles_publicity,
] as RoleFile[];

/** The wage-schedule books. */
export const scaleBooks = [
  scale_dga,
  scale_iatse_44,
  scale_iatse_600,
  scale_iatse_700,
  scale_iatse_728,
  scale_iatse_80,
  scale_iatse_800,
  scale_teamsters_399,
  scale_iatse_asa,
  scale_iatse_52,
  scale_iatse_lbt_1a,
  scale_iatse_lbt_1b,
  scale_iatse_lbt_2,
  scale_iatse_lbt_2_npc,
  scale_iatse_lbt_3,
  scale_iatse_lbt_3_npc,
  scale_iatse_lbt_ultra_low,
  scale_iatse_80_first_aid,
  scale_iatse_705,
  scale_iatse_695,
  scale_iatse_600_amendment,
  scale_iatse_asa_md,
  scale_iatse_asa_tv_long_form,
  scale_iatse_asa_tv_other,
  scale_iatse_asa_md_tv_long_form,
  scale_iatse_asa_md_tv_other,
  scale_iatse_52_tv,
  scale_iatse_52_tv_half_hour,
  scale_iatse_52_tv_half_hour_before_oct_2024,
  scale_iatse_52_tv_long_form,
  scale_iatse_52_tv_one_hour_before_2006,
  scale_iatse_52_tv_one_hour_new,
  scale_iatse_52_tv_one_hour_new_before_oct_2024,
  scale_iatse_52_tv_one_hour_season_3,
  scale_iatse_asa_dc,
  scale_iatse_asa_dc_tv_long_form,
  scale_iatse_asa_dc_tv_other,
  scale_iatse_asa_new_england,
  scale_iatse_600_amendment_outside,
  scale_iatse_600_amendment_md,
  scale_iatse_600_amendment_one_hour,
  scale_iatse_600_amendment_outside_one_hour,
  scale_iatse_600_one_hour,
  scale_iatse_80_one_hour,
  scale_iatse_80_first_aid_one_hour,
  scale_iatse_44_one_hour,
  scale_iatse_728_one_hour,
  scale_iatse_800_one_hour,
  scale_iatse_600_one_hour_s2,
  scale_iatse_80_one_hour_s2,
  scale_iatse_80_first_aid_one_hour_s2,
  scale_iatse_44_one_hour_s2,
  scale_iatse_728_one_hour_s2,
  scale_iatse_800_one_hour_s2,
] as RateCard["scales"];

/** Assembles the card from its files. */
export function assembleCard(): RateCard {
  return {
    meta: meta as RateCard["meta"],
    departments: roleFiles.map((f) => f.department),
    roles: roleFiles.flatMap((f) => f.roles.map((r) => ({ ...r, department: f.department.id }))),
    scales: scaleBooks,
    fringes: (fringes as { fringes: RateCard["fringes"] }).fringes,
  };
}

/** The card the add-in ships. */
export const rateCard: RateCard = assembleCard();

/** The engine over the shipped card, shared by every face of the add-in. */
export const engine = new RateEngine(rateCard);
