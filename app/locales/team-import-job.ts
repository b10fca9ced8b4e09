/**
 * UI strings under the key "importJob" (see app/utils/i18n.ts): the CSV
 * import's progress while its worker thread runs (issue 15).
 */
export const importJobStrings = {
  en: {
    progressLabel: "Import progress",
    sending: "Step 1 of 3: sending the file…",
    checking_one: "Step 2 of 3: checking {{count}} row…",
    checking_other: "Step 2 of 3: checking {{count}} rows…",
    writing_one: "Step 3 of 3: saving {{count}} row, all or nothing…",
    writing_other: "Step 3 of 3: saving {{count}} rows, all or nothing…",
    stayHint: "You can keep this page open; the rest of the app stays usable meanwhile.",
    writeFailed:
      "The import could not be saved, and nothing from the file was saved. Your data is unchanged: try again in a moment.",
  },
  zh: {
    progressLabel: "导入进度",
    sending: "第1步，共3步：正在上传文件…",
    checking_one: "第2步，共3步：正在校验{{count}}行…",
    checking_other: "第2步，共3步：正在校验{{count}}行…",
    writing_one: "第3步，共3步：正在保存{{count}}行（全部成功或全部不保存）…",
    writing_other: "第3步，共3步：正在保存{{count}}行（全部成功或全部不保存）…",
    stayHint: "请保持此页面打开；导入期间，系统其他功能照常可用。",
    writeFailed: "导入未能保存，文件中的数据均未写入，现有数据保持不变。请稍后重试。",
  },
} as const;
