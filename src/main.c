// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown: fine-grained Linux kernel lockdown.
 *
 * One binary, one file per command noun (cmd_*.c). The command table, its option tables and
 * the command-line parser are in cmds.c (see cmds.h), inside the library the unit tests link.
 */
#include "cmds.h"

int main(int argc, char **argv)
{
	return ld_main(argc, argv);
}
