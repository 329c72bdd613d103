/* SPDX-License-Identifier: GPL-2.0-only */
/* One entry point per command noun; main.c dispatches through its cmds[] table. */
#ifndef LD_CMDS_H
#define LD_CMDS_H

/* argv[0] is the command name, so getopt starts at argv[1] as usual. */
typedef int (*ld_cmd_fn)(int argc, char **argv);

struct ld_cmd {
	const char *name;
	ld_cmd_fn fn;
	const char *args;    /* usage after the command name */
	const char *summary; /* one line for `lockdown --help` */
};

int cmd_status(int argc, char **argv);
int cmd_reasons(int argc, char **argv);
int cmd_raise(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_remove(int argc, char **argv);
int cmd_audit(int argc, char **argv);

#endif
