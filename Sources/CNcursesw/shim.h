#ifndef SLIPWAY_CNCURSESW_SHIM_H
#define SLIPWAY_CNCURSESW_SHIM_H

/* The wide-character API (wget_wch, mvwaddnwstr, cchar_t) is only declared with these. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import, as functions. */
static inline attr_t slipway_a_normal(void) { return A_NORMAL; }
static inline attr_t slipway_a_bold(void) { return A_BOLD; }
static inline attr_t slipway_a_dim(void) { return A_DIM; }
static inline attr_t slipway_a_underline(void) { return A_UNDERLINE; }
static inline attr_t slipway_a_reverse(void) { return A_REVERSE; }
static inline int slipway_color_pairs(void) { return COLOR_PAIRS; }
static inline int slipway_colors(void) { return COLORS; }
static inline int slipway_max_y(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int slipway_max_x(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }
static inline int slipway_key_resize(void) { return KEY_RESIZE; }
static inline int slipway_key_code_yes(void) { return KEY_CODE_YES; }
static inline WINDOW *slipway_stdscr(void) { return stdscr; }
static inline const char *slipway_codeset(void) { return nl_langinfo(CODESET); }

/* The mouse: a press of the left button and the wheel (buttons 4 and 5). */
static inline int slipway_key_mouse(void) { return KEY_MOUSE; }
static inline void slipway_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
/* 1 with the cell and button (1 left, 4 wheel up, 5 wheel down, 0 other) of the event read; 0 when none. */
static inline int slipway_read_mouse(int *x, int *y, int *button) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) *button = 4;
    else if (event.bstate & BUTTON5_PRESSED) *button = 5;
    else if (event.bstate & BUTTON1_PRESSED) *button = 1;
    else *button = 0;
    return 1;
}

#endif
