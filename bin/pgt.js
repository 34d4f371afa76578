#!/usr/bin/env node
// pgt — 部门整体绩效目标表命令行工具 / performance goal table CLI. Built by `npm run build:cli`.
let cli;
try {
  cli = require('../dist-cli/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist-cli')) {
    process.stderr.write(
      'pgt 尚未编译：请先运行 npm run build:cli\npgt is not built yet: run npm run build:cli first\n',
    );
    process.exit(2);
  }
  throw e;
}
cli.runCli();
