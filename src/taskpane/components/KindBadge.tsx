import { Badge } from "@fluentui/react-components";

/** Where a figure comes from, the same words and colours wherever the pane shows a rate. */
export function KindBadge({
  kind,
  size,
  ownRole = false,
}: {
  kind: "published" | "estimate" | "override";
  size?: "small" | "medium";
  /** An override that is a production role's own rate: said as such. */
  ownRole?: boolean;
}) {
  switch (kind) {
    case "published":
      return (
        <Badge size={size} appearance="tint" color="success">
          Published
        </Badge>
      );
    case "estimate":
      return (
        <Badge size={size} appearance="tint" color="warning">
          Estimate
        </Badge>
      );
    case "override":
      return (
        <Badge size={size} appearance="tint" color="brand">
          {ownRole ? "Own role" : "Override"}
        </Badge>
      );
  }
}
