import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { RateEngine, Role } from "../../engine";
import { inputsFor, type QuoteInputs } from "../quoteDraft";

export interface OpenRole {
  role: Role | undefined;
  inputs: QuoteInputs;
  setInputs: (inputs: QuoteInputs) => void;
  openRole: (role: Role) => void;
  /** Opens a production role by title once the tables holding it have been read. */
  openWhenAdded: (title: string) => void;
  /** The role card's heading: focused when a role is opened, never when it is merely refreshed. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * The role card that is open and the quote form's inputs for it. The open role follows the
 * workbook's tables (a production role's rate may be edited on its sheet) without taking the
 * keyboard focus away from whatever the producer is typing in.
 */
export function useOpenRole(browsing: RateEngine, onOpen: () => void): OpenRole {
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [inputs, setInputs] = useState<QuoteInputs>(() => inputsFor(undefined));
  const [pendingRole, setPendingRole] = useState<string | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const openRole = useCallback(
    (next: Role) => {
      setRole(next);
      setInputs((previous) => inputsFor(next, previous));
      onOpen();
    },
    [onOpen],
  );

  // Move to the card when another role is opened, so a keyboard or screen-reader user lands on it.
  const openedId = role?.id;
  useEffect(() => {
    if (openedId !== undefined) headingRef.current?.focus();
  }, [openedId]);

  useEffect(() => {
    if (pendingRole === undefined) return;
    const added = browsing.roles.find((r) => r.production && r.title === pendingRole);
    if (!added) return;
    setPendingRole(undefined);
    openRole(added);
  }, [browsing, pendingRole, openRole]);

  // Keep the open role in step with the tables, keeping the form's inputs and the focus.
  useEffect(() => {
    if (!role) return;
    const current = browsing.roles.find((r) => r.id === role.id);
    if (current && current !== role) setRole(current);
  }, [browsing, role]);

  return { role, inputs, setInputs, openRole, openWhenAdded: setPendingRole, headingRef };
}
