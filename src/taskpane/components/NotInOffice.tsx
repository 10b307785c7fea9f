import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";

/** Shown when the task pane page is opened outside Office. */
export function NotInOffice() {
  return (
    <div style={{ padding: 16, display: "grid", gap: 12 }}>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>CrewRate runs inside Excel</MessageBarTitle>
          This page is the add-in&apos;s task pane; Excel was not found.
        </MessageBarBody>
      </MessageBar>
      <Text>
        To try CrewRate without Excel, open the <Link href="preview.html">preview</Link>. To use it
        in Excel, sideload manifest.xml (see the README: npm run start:desktop, npm run start:web,
        or Home → Add-ins → More Settings → Upload My Add-in).
      </Text>
    </div>
  );
}
