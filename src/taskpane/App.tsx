/** Placeholder task pane UI; replaced by the real UI. */
export default function App() {
  return <h1>部门整体绩效目标表</h1>;
}
