// A SIGBUS guard for casefile's read-only file mappings.
//
// casefile keeps the values of a case it loaded as ranges of the mapped file and decodes
// them when a command reads them. If another program truncates the file meanwhile, a read
// past the new end raises SIGBUS. The handler below, for addresses inside a registered
// mapping only, maps anonymous zero pages over the faulting page and returns, so the read
// completes (with zeros) and the slot is marked; the engine checks the mark (and the file's
// size and inode) before trusting the values and says the file changed on disk. Faults
// elsewhere go to the handler that was installed before (the Swift runtime's backtracer, or
// the default action).
#define _GNU_SOURCE
#include "mapped_guard.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOTS 64

static _Atomic uintptr_t starts[SLOTS];
static _Atomic uintptr_t ends[SLOTS];
static _Atomic int tripped[SLOTS];
static struct sigaction previous;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void handler(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int slot = 0; slot < SLOTS; slot++) {
        uintptr_t start = atomic_load(&starts[slot]);
        uintptr_t end = atomic_load(&ends[slot]);
        if (start != 0 && address >= start && address < end) {
            uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
            void *at = (void *)(address & ~(page - 1));
            // mmap is not on POSIX's async-signal-safe list, but on Linux it is a plain
            // system call; MAP_FIXED replaces the page that could not be read.
            if (mmap(at, page, PROT_READ, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED) {
                atomic_store(&tripped[slot], 1);
                return;
            }
        }
    }
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(signal, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
        return;
    }
    // The default action: restore it and return, so the faulting read runs again and ends
    // the process as it would have without this handler.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(SIGBUS, &fallback, NULL);
}

static void install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

int casefile_guard_register(const void *start, size_t length) {
    if (start == NULL || length == 0) return -1;
    pthread_once(&once, install);
    pthread_mutex_lock(&lock);
    int found = -1;
    for (int slot = 0; slot < SLOTS; slot++) {
        if (atomic_load(&starts[slot]) == 0) { found = slot; break; }
    }
    if (found >= 0) {
        atomic_store(&tripped[found], 0);
        atomic_store(&ends[found], (uintptr_t)start + length);
        atomic_store(&starts[found], (uintptr_t)start);
    }
    pthread_mutex_unlock(&lock);
    return found;
}

void casefile_guard_unregister(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    pthread_mutex_lock(&lock);
    atomic_store(&starts[slot], 0);
    atomic_store(&ends[slot], 0);
    pthread_mutex_unlock(&lock);
}

int casefile_guard_tripped(int slot) {
    if (slot < 0 || slot >= SLOTS) return 0;
    return atomic_load(&tripped[slot]);
}
