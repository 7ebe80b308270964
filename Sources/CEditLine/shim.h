#ifndef CASEFILE_CEDITLINE_SHIM_H
#define CASEFILE_CEDITLINE_SHIM_H
/*
 * libedit (histedit.h) for Swift. Swift cannot call C variadic functions, so every
 * el_set / el_wset / el_get / history_w use gets a fixed-argument wrapper here, one per
 * use. Swift 6 also refuses to touch C mutable globals such as stdin, hence the getters.
 *
 * The signal part at the end keeps its state in weak global variables, so all object
 * files share one copy however many Swift files call the wrappers.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <histedit.h>

/* ---- C globals Swift 6 cannot read directly ---- */
static inline FILE *cf_stdin(void) { return stdin; }
static inline FILE *cf_stdout(void) { return stdout; }
static inline FILE *cf_stderr(void) { return stderr; }

/* ---- callback types (typedefs give Swift clean @convention(c) signatures) ---- */
typedef unsigned char (*cf_el_func_t)(EditLine *, int);
typedef char *(*cf_prompt_func_t)(EditLine *);
typedef int (*cf_getc_func_t)(EditLine *, wchar_t *);

/* ---- el_set / el_wset / el_get, one wrapper per use ---- */
static inline int cf_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int cf_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}
/* Binds in the alternate map: vi command mode when the editor is vi. */
static inline int cf_el_bind_alternate(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, "-a", key, function, (const char *)NULL);
}
static inline int cf_el_addfn(EditLine *el, const char *name, const char *help, cf_el_func_t function) {
    return el_set(el, EL_ADDFN, name, help, function);
}
static inline int cf_el_set_prompt_esc(EditLine *el, cf_prompt_func_t prompt, char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, (int)escape);
}
static inline int cf_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *cf_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/* The wide history must be attached with el_wset, or libedit treats it as narrow. */
static inline int cf_el_set_hist(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}
static inline int cf_el_set_prep_term(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}
static inline int cf_el_setty(EditLine *el, const char *a, const char *b) {
    return el_set(el, EL_SETTY, a, b, (const char *)NULL);
}
static inline int cf_el_set_getcfn(EditLine *el, cf_getc_func_t function) {
    return el_set(el, EL_GETCFN, function);
}
static inline int cf_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/* ---- history_w, one wrapper per use ---- */
static inline int cf_history_setsize(HistoryW *h, int size) {
    HistEventW ev; return history_w(h, &ev, H_SETSIZE, size);
}
static inline int cf_history_setunique(HistoryW *h, int unique) {
    HistEventW ev; return history_w(h, &ev, H_SETUNIQUE, unique);
}
static inline int cf_history_load(HistoryW *h, const char *path) {
    HistEventW ev; return history_w(h, &ev, H_LOAD, path);
}
static inline int cf_history_save(HistoryW *h, const char *path) {
    HistEventW ev; return history_w(h, &ev, H_SAVE, path);
}
static inline int cf_history_enter(HistoryW *h, const wchar_t *line) {
    HistEventW ev; return history_w(h, &ev, H_ENTER, line);
}
static inline int cf_history_clear(HistoryW *h) {
    HistEventW ev; return history_w(h, &ev, H_CLEAR);
}
/* Walking the entries: H_LAST is the oldest, H_PREV moves towards newer ones. */
static inline const wchar_t *cf_history_oldest(HistoryW *h) {
    HistEventW ev; return history_w(h, &ev, H_LAST) == -1 ? NULL : ev.str;
}
static inline const wchar_t *cf_history_newer(HistoryW *h) {
    HistEventW ev; return history_w(h, &ev, H_PREV) == -1 ? NULL : ev.str;
}
static inline int cf_history_count(HistoryW *h) {
    HistEventW ev; return history_w(h, &ev, H_GETSIZE) == -1 ? 0 : ev.num;
}

/* ---- terminal ---- */
/* Columns of the terminal on fd, or 0 when unknown (ioctl is variadic). */
static inline int cf_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}
static inline int cf_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_row;
}
/* Display cells of a character (glibc declares wcwidth only under _XOPEN_SOURCE). */
extern int wcwidth(wchar_t c);
static inline int cf_wcwidth(wchar_t c) { return wcwidth(c); }
/* The codeset of the current LC_CTYPE, e.g. "UTF-8". */
static inline const char *cf_codeset(void) { return nl_langinfo(CODESET); }

/* ---- signals: the handler only sets flags and writes a byte to wake-up pipes ---- */
/* Weak definitions: every object file that includes this header shares one copy. */
#define CF_SHARED __attribute__((weak))
CF_SHARED volatile sig_atomic_t cf_sig_interrupt = 0;
CF_SHARED volatile sig_atomic_t cf_sig_terminate = 0;
CF_SHARED volatile sig_atomic_t cf_sig_resize = 0;
CF_SHARED volatile sig_atomic_t cf_sig_resize_serial = 0; /* counts resizes, for output laid out at the width */
CF_SHARED int cf_sig_wake_write = -1;
CF_SHARED int cf_sig_wake_read = -1;
CF_SHARED int cf_sig_watchdog_write = -1; /* a second pipe, read (blocking) by the watchdog */
CF_SHARED int cf_sig_watchdog_read = -1;
CF_SHARED volatile sig_atomic_t cf_sig_int_terminates = 0; /* Ctrl-C ends a non-interactive run like SIGTERM */

static void cf_sig_handler(int sig) {
    int saved = errno;
    switch (sig) {
    case SIGWINCH: cf_sig_resize = 1; cf_sig_resize_serial++; break;
    case SIGINT:
        if (!cf_sig_int_terminates) { cf_sig_interrupt = 1; break; }
        /* fall through: a run without a terminal stops on Ctrl-C as on SIGTERM */
    default:
        if (cf_sig_terminate == 0) cf_sig_terminate = sig;
        cf_sig_interrupt = 1; /* long commands that poll the interrupt flag stop early */
        if (cf_sig_watchdog_write >= 0) { char c = 0; ssize_t n = write(cf_sig_watchdog_write, &c, 1); (void)n; }
        break;
    }
    if (cf_sig_wake_write >= 0) { char c = 0; ssize_t n = write(cf_sig_wake_write, &c, 1); (void)n; }
    errno = saved;
}

/* Creates the two pipes once. Returns the wake-up pipe's read end or -1. */
static inline int cf_sig_setup(void) {
    if (cf_sig_wake_read >= 0) return cf_sig_wake_read;
    int fds[2], dog[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    if (pipe(dog) == 0) {
        fcntl(dog[0], F_SETFD, FD_CLOEXEC);
        fcntl(dog[1], F_SETFD, FD_CLOEXEC);
        fcntl(dog[1], F_SETFL, fcntl(dog[1], F_GETFL) | O_NONBLOCK);
        cf_sig_watchdog_read = dog[0];
        cf_sig_watchdog_write = dog[1];
    }
    cf_sig_wake_read = fds[0];
    cf_sig_wake_write = fds[1];
    return cf_sig_wake_read;
}
/* SA_RESTART keeps other blocking calls (waitpid, file reads) unaffected; the readers
   wait in poll(), which a signal always interrupts, plus the wake-up pipe for the race. */
static inline int cf_sig_install(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cf_sig_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    /* A parent may start us with the signal blocked (the mask is inherited across exec):
       then it would never arrive, and a `kill` would be ignored. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return sigaction(sig, &sa, NULL);
}
static inline int cf_sig_interrupt_flag(void) { return cf_sig_interrupt; }
static inline void cf_sig_set_int_terminates(int value) { cf_sig_int_terminates = value; }
static inline void cf_sig_set_interrupt_flag(int value) { cf_sig_interrupt = value; }
static inline int cf_sig_terminate_signal(void) { return cf_sig_terminate; }
static inline int cf_sig_take_resize(void) { int r = cf_sig_resize; cf_sig_resize = 0; return r; }
static inline int cf_sig_resize_count(void) { return cf_sig_resize_serial; }
/* Empties the wake-up pipe; call before checking the flags, then poll. */
static inline void cf_sig_drain(void) {
    char buf[64];
    if (cf_sig_wake_read < 0) return;
    while (read(cf_sig_wake_read, buf, sizeof buf) > 0) {}
}
/* Blocks until a termination signal has arrived (for the watchdog thread). Returns 0,
   or -1 when there is no watchdog pipe (then it never returns a signal). */
static inline int cf_sig_wait_termination(void) {
    char c;
    if (cf_sig_watchdog_read < 0) return -1;
    for (;;) {
        ssize_t n = read(cf_sig_watchdog_read, &c, 1);
        if (n == 1) return 0;
        if (n < 0 && errno == EINTR) continue;
        return -1;
    }
}
#endif
