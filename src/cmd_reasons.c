// SPDX-License-Identifier: GPL-2.0-only
/* lockdown reasons: the running kernel's lockdown reasons, from its BTF. */
#include "cmds.h"
#include "reasons.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int cmd_reasons(int argc, char **argv)
{
	struct ld_args a;
	struct ld_reasons rs;
	char err[512];

	if (!ld_args_parse("reasons", argc, argv, &a))
		return a.exit;
	if (ld_reasons_load(ld_arg(&a, "btf"), &rs, err, sizeof(err)) != 0) {
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
