import { Badge } from "@fluentui/react-components";

/** Where a figure comes from, the same words and colours wherever the pane shows a rate. */
export function KindBadge({
  kind,
  size,
}: {
  kind: "published" | "estimate" | "override";
  size?: "small" | "medium";
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
          Override
        </Badge>
      );
  }
}
