/**
 * Function file (manifest <FunctionFile>): runs hidden when Excel loads the add-in's commands.
 * The only ribbon button today opens the task pane (ShowTaskpane), which needs no code here;
 * ExecuteFunction commands would be registered below with Office.actions.associate(id, fn).
 * 功能文件：目前唯一的功能区按钮直接打开任务窗格，无需代码。
 */
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // No ExecuteFunction commands yet.
  });
}

export {};
