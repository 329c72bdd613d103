// SPDX-License-Identifier: GPL-2.0-only
/* lockdown reasons: the running kernel's lockdown reasons, from its BTF. */
#include "cmds.h"
#include "reasons.h"
#include "util.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lockdown reasons [-j] [--btf FILE]\n\n"
		"List the lockdown reasons of the running kernel (or of the kernel whose BTF is\n"
		"FILE): number, name, class and what the reason protects. Numbers differ between\n"
		"kernels; names are stable and are what policies use.\n\n"
		"  --btf FILE   read enum lockdown_reason from FILE (raw BTF or an ELF with .BTF)\n"
		"               instead of " LD_DEFAULT_BTF "\n"
		"  -j           JSON: an array of {number, name, class, description}\n");
}

int cmd_reasons(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "btf", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *btf_path = NULL;
	struct ld_reasons rs;
	char err[256];
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			btf_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return LD_EXIT_OK;
		default:
			usage(stderr);
			return LD_EXIT_ERR;
		}
	}
	if (optind != argc) {
		ld_err("reasons: unexpected argument '%s'", argv[optind]);
		return LD_EXIT_ERR;
	}
	if (ld_reasons_load(btf_path, &rs, err, sizeof(err)) != 0) {
		ld_err("%s", err);
		return LD_EXIT_ERR;
	}

	if (ld_g.json) {
		struct json_object *arr = json_object_new_array();

		for (unsigned int i = 0; i < rs.count; i++) {
			const struct ld_reason *r = &rs.r[i];
			struct json_object *o = json_object_new_object();

			json_object_object_add(o, "number", json_object_new_int((int)r->number));
			json_object_object_add(o, "name", json_object_new_string(r->name));
			if (strcmp(r->name, r->kernel_name) != 0)
				json_object_object_add(o, "kernel_name",
						       json_object_new_string(r->kernel_name));
			json_object_object_add(o, "class",
					       json_object_new_string(ld_class_name(r->class)));
			json_object_object_add(o, "description",
					       json_object_new_string(r->description));
			json_object_array_add(arr, o);
		}
		ld_json_print(arr);
		return LD_EXIT_OK;
	}

	printf("%3s  %-22s %-16s %s\n", "NUM", "NAME", "CLASS", "DESCRIPTION");
	for (unsigned int i = 0; i < rs.count; i++) {
		const struct ld_reason *r = &rs.r[i];

		printf("%3u  %-22s %-16s %s\n", r->number, r->name, ld_class_name(r->class),
		       r->description);
	}
	return LD_EXIT_OK;
}
