#ifndef SLIPWAY_CSPAWN_H
#define SLIPWAY_CSPAWN_H

#include <spawn.h>

/* posix_spawn_file_actions_addclosefrom_np: close every descriptor from `lowest` up in the child. */
int cspawn_addclosefrom(posix_spawn_file_actions_t *actions, int lowest);

/* pipe2(fds, O_CLOEXEC). */
int cspawn_pipe_cloexec(int fds[2]);

#endif
