// SPDX-License-Identifier: GPL-2.0-only
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <bpf/btf.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kernels.h"

void ld_test_write_btf(const char *path, const char *enum_name, const char *const *names, size_t n)
{
	struct btf *btf = btf__new_empty();
	const void *raw;
	__u32 size;
	FILE *f;

	assert_non_null(btf);
	assert_true(btf__add_int(btf, "int", 4, BTF_INT_SIGNED) > 0);
	assert_true(btf__add_enum(btf, enum_name, 4) > 0);
	for (size_t i = 0; i < n; i++) {
		char full[64];

		snprintf(full, sizeof(full), "LOCKDOWN_%s", names[i]);
		assert_int_equal(btf__add_enum_value(btf, full, (__s64)i), 0);
	}
	raw = btf__raw_data(btf, &size);
	assert_non_null(raw);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(raw, 1, size, f), size);
	fclose(f);
	btf__free(btf);
}

size_t ld_test_write_btf_values(const char *path, const char *enum_name, const char *const *names,
				const long *values, size_t n, bool raw)
{
	struct btf *btf = btf__new_empty();
	const void *data;
	__u32 size;
	FILE *f;

	assert_non_null(btf);
	assert_true(btf__add_int(btf, "int", 4, BTF_INT_SIGNED) > 0);
	assert_true(btf__add_enum(btf, enum_name, 4) > 0);
	for (size_t i = 0; i < n; i++) {
		char full[512];

		snprintf(full, sizeof(full), "%s%s", raw ? "" : "LOCKDOWN_", names[i]);
		assert_int_equal(btf__add_enum_value(btf, full, (__s64)values[i]), 0);
	}
	data = btf__raw_data(btf, &size);
	assert_non_null(data);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, size, f), size);
	fclose(f);
	btf__free(btf);
	return size;
}

void ld_test_write_elf(const char *path, const char *section, const void *data, size_t len)
{
	static char shstrtab[64];
	size_t name_off, strtab_len;
	Elf64_Ehdr *eh;
	Elf64_Shdr *sh;
	Elf_Scn *scn;
	Elf_Data *d;
	Elf *elf;
	int fd;

	/* "\0.shstrtab\0SECTION\0" */
	strtab_len = 1 + sizeof(".shstrtab");
	name_off = strtab_len;
	memset(shstrtab, 0, sizeof(shstrtab));
	memcpy(shstrtab + 1, ".shstrtab", sizeof(".shstrtab"));
	assert_true(strlen(section) + 1 + strtab_len <= sizeof(shstrtab));
	memcpy(shstrtab + name_off, section, strlen(section) + 1);
	strtab_len += strlen(section) + 1;

	assert_int_not_equal(elf_version(EV_CURRENT), EV_NONE);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	elf = elf_begin(fd, ELF_C_WRITE, NULL);
	assert_non_null(elf);
	eh = elf64_newehdr(elf);
	assert_non_null(eh);
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;

	/* Section 1: the string table of section names. */
	scn = elf_newscn(elf);
	d = elf_newdata(scn);
	d->d_buf = shstrtab;
	d->d_size = strtab_len;
	d->d_align = 1;
	d->d_type = ELF_T_BYTE;
	sh = elf64_getshdr(scn);
	sh->sh_name = 1;
	sh->sh_type = SHT_STRTAB;
	eh->e_shstrndx = (Elf64_Half)elf_ndxscn(scn);

	/* Section 2: the data. */
	scn = elf_newscn(elf);
	d = elf_newdata(scn);
	d->d_buf = (void *)data;
	d->d_size = len;
	d->d_align = 4;
	d->d_type = ELF_T_BYTE;
	sh = elf64_getshdr(scn);
	sh->sh_name = (Elf64_Word)name_off;
	sh->sh_type = SHT_PROGBITS;

	assert_true(elf_update(elf, ELF_C_WRITE) > 0);
	elf_end(elf);
	close(fd);
}

void ld_test_load_kernel(const char *path, const struct ld_test_kernel *k, struct ld_reasons *rs)
{
	char err[256];

	ld_test_write_btf(path, "lockdown_reason", k->names, k->count);
	assert_int_equal(ld_reasons_load(path, rs, err, sizeof(err)), 0);
}
