// SPDX-License-Identifier: GPL-2.0-only
/* Recorded calls: the JSON lines of `lockdown events -j`, read back for learn and replay. */
#include "learn.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !v ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static bool num(struct json_object *o, const char *key, unsigned long long *out)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !v || !json_object_is_type(v, json_type_int))
		return false;
	errno = 0;
	*out = (unsigned long long)json_object_get_uint64(v);
	return errno == 0;
}

static bool flag(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v && json_object_get_boolean(v);
}

/* Undo the events' escaping of outside text (\xNN for a byte, \\ for a backslash). */
static bool unescape(const char *in, char *out, size_t len)
{
	size_t o = 0;

	for (; *in; in++) {
		char c = *in;

		if (c == '\\' && in[1] == '\\') {
			in++;
		} else if (c == '\\' && in[1] == 'x' && in[2] && in[3]) {
			char hex[3] = { in[2], in[3], 0 }, *end;
			unsigned long v = strtoul(hex, &end, 16);

			if (*end || v == 0)
				return false;
			c = (char)v;
			in += 3;
		}
		if (o + 1 >= len)
			return false;
		out[o++] = c;
	}
	out[o] = '\0';
	return true;
}

static void copy(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src ? src : "");
}

int ld_rec_from_json(struct json_object *o, struct ld_rec *r, char *why, size_t whylen)
{
	const char *kind = str(o, "kind"), *reason = str(o, "reason"), *dev = str(o, "exe_dev");
	unsigned long long v;
	unsigned int major, minor;

	memset(r, 0, sizeof(*r));
	if (!json_object_is_type(o, json_type_object)) {
		snprintf(why, whylen, "not a JSON object");
		return -1;
	}
	if (kind && strcmp(kind, "reason") != 0)
		return 0; /* a sealed enforcer's refusal: not a call to learn from */
	if (!reason || !str(o, "outcome")) {
		snprintf(why, whylen,
			 "no \"reason\" or \"outcome\": not a line of lockdown events -j");
		return -1;
	}
	copy(r->reason, sizeof(r->reason), ld_reason_canonical(reason));
	copy(r->outcome, sizeof(r->outcome), str(o, "outcome"));
	copy(r->comm, sizeof(r->comm), str(o, "comm"));
	copy(r->time, sizeof(r->time), str(o, "time"));
	r->kthread = flag(o, "kernel_thread");
	r->host = flag(o, "host");
	if (num(o, "cgroup", &v))
		r->cgroup = v;
	if (num(o, "uid", &v))
		r->uid = (__u32)v;
	if (num(o, "pid", &v))
		r->pid = (__u32)v;
	if (dev && sscanf(dev, "%u:%u", &major, &minor) == 2 && num(o, "exe_ino", &v)) {
		r->has_exe = true;
		r->exe_dev = ((__u64)major << 20) | (minor & 0xfffff);
		r->exe_ino = v;
		if (str(o, "exe") && !unescape(str(o, "exe"), r->exe, sizeof(r->exe))) {
			snprintf(why, whylen, "\"exe\" is not a path");
			return -1;
		}
		copy(r->exe_name, sizeof(r->exe_name), str(o, "exe_name"));
	}
	{
		struct json_object *obj;

		if (json_object_object_get_ex(o, "object", &obj) && obj &&
		    json_object_is_type(obj, json_type_object)) {
			dev = str(obj, "dev");
			if (!dev || sscanf(dev, "%u:%u", &major, &minor) != 2 ||
			    !num(obj, "ino", &v)) {
				snprintf(why, whylen, "\"object\" has no \"dev\" and \"ino\"");
				return -1;
			}
			r->has_obj = true;
			r->obj_dev = ((__u64)major << 20) | (minor & 0xfffff);
			r->obj_ino = v;
			copy(r->obj_name, sizeof(r->obj_name), str(obj, "name"));
		}
	}
	return 1;
}

int ld_recs_read(FILE *f, const char *name, int (*fn)(const struct ld_rec *r, void *arg), void *arg,
		 char *why, size_t whylen)
{
	char *line = NULL, inner[256];
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int ret = 0;

	while (!ret && (n = getline(&line, &cap, f)) >= 0) {
		struct json_object *o;
		struct ld_rec r;
		int got;

		lineno++;
		if (n > 1 << 20) {
			snprintf(why, whylen, "%s:%lu: line too long (over 1 MiB)", ld_safe(name),
				 lineno);
			ret = -EINVAL;
			break;
		}
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		o = json_tokener_parse(line);
		if (!o) {
			snprintf(why, whylen,
				 "%s:%lu: not JSON (a line of lockdown events -j expected)",
				 ld_safe(name), lineno);
			ret = -EINVAL;
			break;
		}
		got = ld_rec_from_json(o, &r, inner, sizeof(inner));
		json_object_put(o);
		if (got < 0) {
			snprintf(why, whylen, "%s:%lu: %s", ld_safe(name), lineno, inner);
			ret = -EINVAL;
		} else if (got > 0) {
			ret = fn(&r, arg);
		}
	}
	if (!ret && ferror(f)) {
		snprintf(why, whylen, "%s: %s", ld_safe(name), strerror(errno));
		ret = -EIO;
	}
	free(line);
	return ret;
}
