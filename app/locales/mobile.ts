/**
 * Strings of the phone layout and of keyboard and screen-reader use (issue 16,
 * key "mobile"): the menu that the navigation folds into on a narrow screen.
 */
const en = {
  menu: "Menu",
  closeMenu: "Close the menu",
};

const zh: typeof en = {
  menu: "菜单",
  closeMenu: "关闭菜单",
};

export const mobileStrings = { en, zh };
