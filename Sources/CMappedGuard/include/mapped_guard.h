#ifndef CASEFILE_MAPPED_GUARD_H
#define CASEFILE_MAPPED_GUARD_H

#include <stddef.h>

/// Registers a read-only file mapping: a SIGBUS raised by reading it (the file was
/// truncated by another program while mapped) no longer kills the process. The handler
/// maps zero-filled pages over the missing part and marks the mapping as damaged.
/// Returns a slot number for the other calls, or -1 when every slot is taken (the caller
/// then copies the file instead of mapping it).
int casefile_guard_register(const void *start, size_t length);

/// Forgets a slot (before the mapping is unmapped).
void casefile_guard_unregister(int slot);

/// Whether a read of the slot's mapping faulted since it was registered.
int casefile_guard_tripped(int slot);

#endif
