// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz-seed-btf VMLINUX OUTDIR NAME: seeds for fuzz-btf from a kernel's own BTF. Reads the
 * BTF of VMLINUX (an ELF file with .BTF, or raw BTF), takes its enum lockdown_reason as it is
 * (names and values in the kernel's numbering) and writes NAME.btf (raw, little-endian),
 * NAME-be.btf (big-endian) and NAME.elf (an ELF file holding it as .BTF). fuzz/seed-btf runs
 * it on the four Debian kernels.
 */
#include <bpf/btf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "fuzz-seed-btf: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int write_elf(const char *path, const void *data, size_t len)
{
	static char shstrtab[] = "\0.shstrtab\0.BTF";
	Elf64_Ehdr *eh;
	Elf64_Shdr *sh;
	Elf_Scn *scn;
	Elf_Data *d;
	Elf *elf;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || elf_version(EV_CURRENT) == EV_NONE)
		return -1;
	elf = elf_begin(fd, ELF_C_WRITE, NULL);
	eh = elf ? elf64_newehdr(elf) : NULL;
	if (!eh)
		return -1;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	scn = elf_newscn(elf);
	d = elf_newdata(scn);
	d->d_buf = shstrtab;
	d->d_size = sizeof(shstrtab);
	d->d_type = ELF_T_BYTE;
	d->d_align = 1;
	sh = elf64_getshdr(scn);
	sh->sh_name = 1;
	sh->sh_type = SHT_STRTAB;
	eh->e_shstrndx = (Elf64_Half)elf_ndxscn(scn);
	scn = elf_newscn(elf);
	d = elf_newdata(scn);
	d->d_buf = (void *)data;
	d->d_size = len;
	d->d_type = ELF_T_BYTE;
	d->d_align = 4;
	sh = elf64_getshdr(scn);
	sh->sh_name = 11;
	sh->sh_type = SHT_PROGBITS;
	if (elf_update(elf, ELF_C_WRITE) < 0)
		return -1;
	elf_end(elf);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct btf *in, *out;
	const struct btf_type *t;
	const struct btf_enum *e;
	const void *raw;
	char path[4096];
	__u32 size;
	__s32 id;

	if (argc != 4) {
		fprintf(stderr, "usage: fuzz-seed-btf VMLINUX OUTDIR NAME\n");
		return 2;
	}
	in = btf__parse(argv[1], NULL);
	if (!in) {
		fprintf(stderr, "fuzz-seed-btf: %s: no BTF\n", argv[1]);
		return 1;
	}
	id = btf__find_by_name_kind(in, "lockdown_reason", BTF_KIND_ENUM);
	if (id < 0) {
		fprintf(stderr, "fuzz-seed-btf: %s: no enum lockdown_reason\n", argv[1]);
		return 1;
	}
	t = btf__type_by_id(in, (__u32)id);
	e = btf_enum(t);
	out = btf__new_empty();
	btf__add_int(out, "int", 4, BTF_INT_SIGNED);
	btf__add_enum(out, "lockdown_reason", t->size);
	for (int i = 0; i < btf_vlen(t); i++)
		btf__add_enum_value(out, btf__name_by_offset(in, e[i].name_off), e[i].val);
	raw = btf__raw_data(out, &size);
	snprintf(path, sizeof(path), "%s/%s.btf", argv[2], argv[3]);
	if (!raw || write_file(path, raw, size) != 0)
		return 1;
	snprintf(path, sizeof(path), "%s/%s.elf", argv[2], argv[3]);
	if (write_elf(path, raw, size) != 0)
		return 1;
	btf__set_endianness(out, BTF_BIG_ENDIAN);
	raw = btf__raw_data(out, &size);
	snprintf(path, sizeof(path), "%s/%s-be.btf", argv[2], argv[3]);
	if (!raw || write_file(path, raw, size) != 0)
		return 1;
	btf__free(out);
	btf__free(in);
	return 0;
}
