/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The commands and their command lines. One table, ld_cmds[] in cmds.c, holds each command's
 * name, entry point, synopsis, options and help text; ld_args_parse() parses a command line
 * against it and `lockdown COMMAND --help` is printed from it, so options and their
 * documentation cannot drift apart.
 *
 * Adopting the parser in a command (cmd_foo.c):
 *
 *   1. In cmds.c, give the command's entry its options and texts:
 *
 *        static const struct ld_opt foo_opts[] = {
 *                { 0, "btf", "FILE", "kernel BTF (default " LD_DEFAULT_BTF ")" },
 *                { 'f', "follow", NULL, "keep reading until interrupted" },
 *                { 0 },
 *        };
 *        { .name = "foo", .fn = cmd_foo, .args = "[-j] [--btf FILE] [--follow]",
 *          .summary = "one line for lockdown --help", .opts = foo_opts,
 *          .operand = "POLICY", .max_operands = 1,
 *          .about = "what it does, for --help", .json = "what -j prints",
 *          .epilog = "exit status, examples" },
 *
 *   2. In cmd_foo(), replace getopt with:
 *
 *        struct ld_args a;
 *
 *        if (!ld_args_parse("foo", argc, argv, &a))
 *                return a.exit;                  // --help printed (0) or a usage error (2)
 *        const char *btf = ld_arg(&a, "btf");    // NULL when not given
 *        bool follow = ld_flag(&a, "follow");
 *        // a.operand[0 .. a.noperands - 1]: the operands, counted against the table
 *
 *      and report a usage error the parser cannot see (a bad value) with ld_usage_error()
 *      (util.h): return ld_usage_error("foo", "--btf: '%s' is ...", value);
 *
 *   3. Remove .own_parser from the entry: main() then leaves -j and -p to the parser.
 *
 * What the parser does for every command: -j/--json and -p/--pretty anywhere (ld_g), -h/--help
 * (the help on stdout, exit 0), short options combined (-jp, -yj), "--opt=value" and
 * "--opt value", "-o value" and "-ovalue", "--" ending the options; an unknown option, a
 * missing or unexpected option argument, a valued option given twice, or too many or too few
 * operands is one line on stderr, "lockdown: foo: PROBLEM; see 'lockdown foo --help'", and
 * exit status 2. Long options are never abbreviated.
 */
#ifndef LD_CMDS_H
#define LD_CMDS_H

#include <stdbool.h>
#include <stdio.h>

/* argv[0] is the command name, so options start at argv[1]. */
typedef int (*ld_cmd_fn)(int argc, char **argv);

/* One option of a command (besides -j, -p and -h, which every command has). */
struct ld_opt {
	char short_name;  /* 0: none */
	const char *name; /* long name without "--"; NULL ends a table */
	const char *arg;  /* NULL: a flag; else the argument's name for --help ("FILE") */
	const char *help; /* for --help; each '\n' starts a continuation line */
};

#define LD_ARGS_MAX_OPTS     16
#define LD_ARGS_MAX_OPERANDS 4

struct ld_cmd {
	const char *name;
	ld_cmd_fn fn;
	const char *args;    /* synopsis after the command name */
	const char *summary; /* one line for `lockdown --help` */
	/*
	 * The command parses its own arguments (getopt) and prints its own --help; main() takes
	 * -j/-p out of argv for it. The rest of the fields below are then unused.
	 */
	bool own_parser;
	const struct ld_opt *opts; /* NULL or a table ended by { 0 } */
	const char *operand;	   /* the operands' name in messages ("POLICY", "LEVEL") */
	unsigned int min_operands, max_operands;
	const char *about;  /* --help: what the command does (paragraphs, '\n'-separated) */
	const char *json;   /* --help: what -j prints; NULL: the command has no JSON */
	const char *epilog; /* --help: exit status and examples */
};

extern const struct ld_cmd ld_cmds[];
extern const unsigned int ld_cmd_count;

const struct ld_cmd *ld_cmd_find(const char *name);

/* The result of ld_args_parse(). */
struct ld_args {
	const struct ld_cmd *cmd;
	const char *value[LD_ARGS_MAX_OPTS]; /* per option of cmd->opts: its argument, "" for a
						flag given, NULL when absent */
	const char *operand[LD_ARGS_MAX_OPERANDS];
	unsigned int noperands;
	int exit; /* when ld_args_parse() returns false: the command's exit status */
};

/*
 * Parse a command line (argv[0] is the command's name) against ld_cmds[]'s entry for cmd.
 * Returns true to go on; false when the command is done: -h/--help printed its help (a->exit
 * 0) or a usage error was reported in one line (a->exit LD_EXIT_ERR).
 */
bool ld_args_parse(const char *cmd, int argc, char **argv, struct ld_args *a);

/* The argument of option name ("btf"), or NULL when it was not given. */
const char *ld_arg(const struct ld_args *a, const char *name);
/* Was the flag (or valued option) name given? */
bool ld_flag(const struct ld_args *a, const char *name);

/* Print a command's --help (from its table entry) to f. */
void ld_cmd_help(const struct ld_cmd *c, FILE *f);

/* The whole program: global options, then the command (main.c calls only this). */
int ld_main(int argc, char **argv);

int cmd_status(int argc, char **argv);
int cmd_reasons(int argc, char **argv);
int cmd_raise(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_remove(int argc, char **argv);
int cmd_refresh(int argc, char **argv);
int cmd_learn(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_audit(int argc, char **argv);

#endif
