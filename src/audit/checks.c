// SPDX-License-Identifier: GPL-2.0-only
/*
 * The audit's checks, as data. One row per check and expectation; a profile picks rows by a
 * severity other than LD_SEV_NONE, so profiles change expectations and severities here and
 * nowhere else. At most one row per id and profile.
 *
 * Expectations are any/all/first combinations of conditions. "first" lets the runtime state
 * decide when it can be read and falls back to what the config and command line say.
 */
#include "audit/audit.h"

#define COND(s, k, o, a, lo, hi)                                                                   \
	{                                                                                          \
		.kind = LD_E_COND, .src = (s), .key = (k), .op = (o), .arg = (a), .kmin = (lo),    \
		.kmax = (hi)                                                                       \
	}
#define ANY(...)                                                                                   \
	{                                                                                          \
		.kind = LD_E_ANY, .sub = (const struct ld_expr[])                                  \
		{                                                                                  \
			__VA_ARGS__,                                                               \
			{                                                                          \
				0                                                                  \
			}                                                                          \
		}                                                                                  \
	}
#define ALL(...)                                                                                   \
	{                                                                                          \
		.kind = LD_E_ALL, .sub = (const struct ld_expr[])                                  \
		{                                                                                  \
			__VA_ARGS__,                                                               \
			{                                                                          \
				0                                                                  \
			}                                                                          \
		}                                                                                  \
	}
#define FIRST(...)                                                                                 \
	{                                                                                          \
		.kind = LD_E_FIRST, .sub = (const struct ld_expr[])                                \
		{                                                                                  \
			__VA_ARGS__,                                                               \
			{                                                                          \
				0                                                                  \
			}                                                                          \
		}                                                                                  \
	}

/* Kernel config. */
#define KY(n)		      COND(LD_SRC_KCONFIG, n, LD_OP_Y, NULL, 0, 0)
#define KN(n)		      COND(LD_SRC_KCONFIG, n, LD_OP_UNSET, NULL, 0, 0)
#define KY_V(n, lo, hi)	      COND(LD_SRC_KCONFIG, n, LD_OP_Y, NULL, lo, hi)
#define KN_V(n, lo, hi)	      COND(LD_SRC_KCONFIG, n, LD_OP_UNSET, NULL, lo, hi)
#define KONEOF(n, a)	      COND(LD_SRC_KCONFIG, n, LD_OP_ONEOF, a, 0, 0)
/* Command line. */
#define CL_ABSENT(n)	      COND(LD_SRC_CMDLINE, n, LD_OP_ABSENT, NULL, 0, 0)
#define CL_TRUE(n)	      COND(LD_SRC_CMDLINE, n, LD_OP_TRUE, NULL, 0, 0)
#define CL_LEVEL(l)	      COND(LD_SRC_CMDLINE, "lockdown", LD_OP_LEVEL_GE, l, 0, 0)
#define CL_LSM(n)	      COND(LD_SRC_CMDLINE, "@lsm_order", LD_OP_HAS, n, 0, 0)
/* Sysctls. */
#define SY_GE(k, v)	      COND(LD_SRC_SYSCTL, k, LD_OP_GE, v, 0, 0)
#define SY_EQ(k, v)	      COND(LD_SRC_SYSCTL, k, LD_OP_EQ, v, 0, 0)
#define SY_BITCLR(k, b)	      COND(LD_SRC_SYSCTL, k, LD_OP_BIT_CLEAR, b, 0, 0)
/* Runtime files. */
#define RT_LEVEL(l)	      COND(LD_SRC_RUNTIME, "lockdown", LD_OP_LEVEL_GE, l, 0, 0)
#define RT_LSM(n)	      COND(LD_SRC_RUNTIME, "lsm", LD_OP_HAS, n, 0, 0)
#define RT_TRUE(k)	      COND(LD_SRC_RUNTIME, k, LD_OP_TRUE, NULL, 0, 0)
#define RT_EQ(k, v)	      COND(LD_SRC_RUNTIME, k, LD_OP_EQ, v, 0, 0)
#define RT_ABSENT_OR_EQ(k, v) COND(LD_SRC_RUNTIME, k, LD_OP_ABSENT_OR_EQ, v, 0, 0)
#define RT_MISSING(k)	      COND(LD_SRC_RUNTIME, k, LD_OP_MISSING, NULL, 0, 0)
#define SY_MISSING(k)	      COND(LD_SRC_SYSCTL, k, LD_OP_MISSING, NULL, 0, 0)
#define CL_ONEOF(n, a)	      COND(LD_SRC_CMDLINE, n, LD_OP_ONEOF, a, 0, 0)
#define CL_HAS(n, a)	      COND(LD_SRC_CMDLINE, n, LD_OP_HAS, a, 0, 0)
#define CL_NOT_ONEOF(n, a)    COND(LD_SRC_CMDLINE, n, LD_OP_NOT_ONEOF, a, 0, 0)
#define CL_NOT_TRUE(n)	      COND(LD_SRC_CMDLINE, n, LD_OP_NOT_TRUE, NULL, 0, 0)
#define K_GE(n, v)	      COND(LD_SRC_KCONFIG, n, LD_OP_GE, v, 0, 0)
/* This project's sealed enforcer denies lockdown reason r to every task. */
#define ENF(r)		      COND(LD_SRC_RUNTIME, "enforcer", LD_OP_HAS, r, 0, 0)
#define RT_ENFORCER(states)   COND(LD_SRC_RUNTIME, "enforcer", LD_OP_ONEOF, states, 0, 0)

/* kstrtobool's spellings, for parameters given as bools. */
#define CL_BOOL_FALSE "0,n,N,no,No,NO,off,Off,OFF,false,False"
#define CL_BOOL_TRUE  "1,y,Y,yes,Yes,YES,on,On,ON,true,True"

#define V(a, b) LD_KVER(a, b)

/* Modules cannot be loaded at all: the config says so, or (live) /proc/modules is absent. */
#define NO_MODULES FIRST(KN("MODULES"), RT_MISSING("modules"))
/* Unsigned modules are refused: sig_enforce (which also shows MODULE_SIG_FORCE) when it can be
 * read, else the config and command line. */
#define SIG_FORCED                                                                                 \
	FIRST(RT_TRUE("sig_enforce"), ANY(KY("MODULE_SIG_FORCE"), CL_TRUE("module.sig_enforce")))

/* The lockdown LSM is built and initialised (early, or through the LSM order). */
#define LOCKDOWN_LSM_LIVE                                                                          \
	KY("SECURITY_LOCKDOWN_LSM"), ANY(KY("SECURITY_LOCKDOWN_LSM_EARLY"), CL_LSM("lockdown"))

/* The level the kernel reaches during boot, before any user space runs. */
#define BOOT_INTEGRITY                                                                             \
	ANY(ALL(CL_LEVEL("integrity"), LOCKDOWN_LSM_LIVE), KY("LOCK_DOWN_KERNEL_FORCE_INTEGRITY"), \
	    KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY"),                                          \
	    ALL(RT_EQ("efi:SecureBoot", "1"),                                                      \
		ANY(KY_V("LOCK_DOWN_IN_EFI_SECURE_BOOT", V(5, 4), 0),                              \
		    KY_V("LOCK_DOWN_IN_SECURE_BOOT", 0, V(5, 4)))))
#define BOOT_CONFIDENTIALITY                                                                       \
	ANY(ALL(CL_LEVEL("confidentiality"), LOCKDOWN_LSM_LIVE),                                   \
	    KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY"))

/* The level now: the running kernel's own answer when it can be read, else the boot level. */
#define LEVEL_INTEGRITY	      FIRST(RT_LEVEL("integrity"), BOOT_INTEGRITY)
#define LEVEL_CONFIDENTIALITY FIRST(RT_LEVEL("confidentiality"), BOOT_CONFIDENTIALITY)

#define SEV(cf, kspp)                                                                              \
	{                                                                                          \
		[LD_PROFILE_INTEGRITY] = cf, [LD_PROFILE_KSPP] = kspp                              \
	}
#define N LD_SEV_NONE
#define I LD_SEV_INFO
#define L LD_SEV_LOW
#define M LD_SEV_MEDIUM
#define H LD_SEV_HIGH

#define SRC_LOCKDOWN	   "kernel_lockdown(7)"
/*
 * KSPP's published recommendations: the Recommended Settings page, one anchor per section.
 * Every threshold of the kspp profile cites the section it comes from.
 */
#define SRC_KSPP_CFG	   "https://kspp.github.io/Recommended_Settings#configs"
#define SRC_KSPP_X86	   "https://kspp.github.io/Recommended_Settings#x86_64"
#define SRC_KSPP_ARM64	   "https://kspp.github.io/Recommended_Settings#arm64"
#define SRC_KSPP_CMDLINE   "https://kspp.github.io/Recommended_Settings#kernel-command-line-options"
#define SRC_KSPP_SYSCTL	   "https://kspp.github.io/Recommended_Settings#sysctls"
#define SRC_KSPP_X86_ARM64 "https://kspp.github.io/Recommended_Settings#x86_64 and #arm64"
#define SRC_HARDENING	   "kernel-hardening-checker"
#define SRC_BPF_LSM	   "Documentation/bpf/prog_lsm.rst"
#define SRC_IOMMU	   "Documentation/admin-guide/kernel-parameters.txt (iommu)"
#define SRC_MODSIG	   "Documentation/admin-guide/module-signing.rst"
#define SRC_SYSCTL	   "Documentation/admin-guide/sysctl/kernel.rst"
#define SRC_PARAMS	   "Documentation/admin-guide/kernel-parameters.txt"

const struct ld_check ld_checks[] = {
	/* Module signing. */
	{ "modules.sig_enforced", "module signatures enforced (effective)", "modules", SEV(H, H), 0,
	  0, ANY(NO_MODULES, LEVEL_INTEGRITY, SIG_FORCED, ENF("module_signature")), SRC_KSPP_CFG,
	  "an unsigned module is arbitrary code in ring 0: root becomes the kernel",
	  "enforce signatures: CONFIG_MODULE_SIG_FORCE=y, or boot with module.sig_enforce=1 or "
	  "lockdown=integrity, or run `lockdown raise integrity`",
	  "CONFIG_MODULE_SIG=y\nCONFIG_MODULE_SIG_FORCE=y", NULL, "module.sig_enforce=1", NULL },
	{ "modules.sig", "module signature support built (MODULE_SIG)", "modules", SEV(H, H), 0, 0,
	  ANY(KN("MODULES"), KY("MODULE_SIG")), SRC_KSPP_CFG,
	  "without MODULE_SIG no setting can require signed modules",
	  "build with CONFIG_MODULE_SIG=y", "CONFIG_MODULE_SIG=y", NULL, NULL, NULL },
	{ "modules.sig_force", "signatures forced by the config (MODULE_SIG_FORCE)", "modules",
	  SEV(I, M), 0, 0, ANY(KN("MODULES"), KY("MODULE_SIG_FORCE")), SRC_KSPP_CFG,
	  "a config-forced requirement holds from the first module on, whatever the boot "
	  "parameters say",
	  "build with CONFIG_MODULE_SIG_FORCE=y", "CONFIG_MODULE_SIG_FORCE=y", NULL, NULL, NULL },
	{ "modules.sig_all", "every module signed at build time (MODULE_SIG_ALL)", "modules",
	  SEV(I, M), 0, 0, ANY(KN("MODULES"), KY("MODULE_SIG_ALL")), SRC_KSPP_CFG,
	  "distributions may sign in a separate step; otherwise unsigned in-tree modules fail to "
	  "load once signatures are enforced",
	  "build with CONFIG_MODULE_SIG_ALL=y or sign modules when packaging",
	  "CONFIG_MODULE_SIG_ALL=y", NULL, NULL, NULL },
	{ "modules.sig_hash", "module signature hash SHA-256 or stronger", "modules", SEV(M, N), 0,
	  0,
	  ANY(KN("MODULES"),
	      KONEOF("MODULE_SIG_HASH", "sha256,sha384,sha512,sha3-256,sha3-384,sha3-512")),
	  SRC_MODSIG, "SHA-1 and SHA-224 signatures are weak or deprecated",
	  "build with CONFIG_MODULE_SIG_SHA512=y", "CONFIG_MODULE_SIG_SHA512=y", NULL, NULL, NULL },
	{ "modules.sig_hash", "module signature hash SHA-512 (MODULE_SIG_SHA512)", "modules",
	  SEV(N, M), 0, 0, ANY(KN("MODULES"), KONEOF("MODULE_SIG_HASH", "sha512,sha3-512")),
	  SRC_KSPP_CFG, "KSPP asks for SHA-512 module signatures",
	  "build with CONFIG_MODULE_SIG_SHA512=y", "CONFIG_MODULE_SIG_SHA512=y", NULL, NULL, NULL },
	{ "modules.strict_rwx", "module memory W^X (STRICT_MODULE_RWX)", "modules", SEV(H, H), 0, 0,
	  ANY(KN("MODULES"), KY("STRICT_MODULE_RWX")), SRC_KSPP_CFG,
	  "writable and executable module memory makes kernel code injection easy",
	  "build with CONFIG_STRICT_MODULE_RWX=y", "CONFIG_STRICT_MODULE_RWX=y", NULL, NULL, NULL },
	{ "modules.sig_enforce_param", "module.sig_enforce set at runtime", "modules", SEV(I, I), 0,
	  0, ANY(KN("MODULES"), RT_TRUE("sig_enforce")), SRC_PARAMS,
	  "the parameter shows enforcement by config or boot parameter; lockdown enforces "
	  "without setting it",
	  "boot with module.sig_enforce=1", NULL, NULL, "module.sig_enforce=1", NULL },
	{ "modules.unsigned_taint", "no unsigned module loaded (taint E, bit 13)", "modules",
	  SEV(M, I), 0, 0, SY_BITCLR("kernel.tainted", "13"), SRC_SYSCTL,
	  "an unsigned module was loaded before enforcement began: the kernel may already be "
	  "modified",
	  "find it with `grep '(.*E.*)' /proc/modules`, remove it and reboot", NULL, NULL, NULL,
	  NULL },
	{ "modules.disabled", "module loading switched off after boot (kernel.modules_disabled)",
	  "modules", SEV(I, M), 0, 0, ANY(NO_MODULES, SY_EQ("kernel.modules_disabled", "1")),
	  SRC_KSPP_SYSCTL, "once set, no module can be loaded at all until reboot",
	  "set kernel.modules_disabled=1 once the needed modules are loaded", NULL,
	  "kernel.modules_disabled = 1", NULL, NULL },

	/* kexec: another kernel replaces this one. */
	{ "kexec.load", "unsigned kexec_load blocked", "kexec", SEV(H, N), 0, 0,
	  ANY(FIRST(KN("KEXEC"), SY_MISSING("kernel.kexec_load_disabled")),
	      SY_EQ("kernel.kexec_load_disabled", "1"), LEVEL_INTEGRITY, ENF("kexec")),
	  SRC_LOCKDOWN,
	  "kexec_load boots any image the caller hands in: an unsigned kernel in place of this one",
	  "build without CONFIG_KEXEC, or set kernel.kexec_load_disabled=1, or lock down "
	  "(lockdown=integrity)",
	  "# CONFIG_KEXEC is not set", "kernel.kexec_load_disabled = 1", "lockdown=integrity",
	  NULL },
	{ "kexec.load", "kexec_load not built (KEXEC)", "kexec", SEV(N, H), 0, 0, KN("KEXEC"),
	  SRC_KSPP_CFG, "no kexec at all: nothing can replace the running kernel",
	  "build without CONFIG_KEXEC", "# CONFIG_KEXEC is not set", NULL, NULL, NULL },
	{ "kexec.file", "kexec_file_load boots only signed kernels", "kexec", SEV(H, I), 0, 0,
	  ANY(KN("KEXEC_FILE"), SY_EQ("kernel.kexec_load_disabled", "1"),
	      ALL(ANY(KY_V("KEXEC_SIG", V(5, 4), 0), KY_V("KEXEC_VERIFY_SIG", 0, V(5, 4))),
		  KY("KEXEC_BZIMAGE_VERIFY_SIG"),
		  ANY(KY_V("KEXEC_SIG_FORCE", V(5, 4), 0), KY_V("KEXEC_VERIFY_SIG", 0, V(5, 4)),
		      LEVEL_INTEGRITY))),
	  SRC_LOCKDOWN,
	  "kexec_file_load checks signatures only with KEXEC_SIG and bzImage verification; an "
	  "invalid signature is refused if KEXEC_SIG_FORCE=y or the kernel is locked down",
	  "build with CONFIG_KEXEC_SIG, CONFIG_KEXEC_BZIMAGE_VERIFY_SIG and "
	  "CONFIG_KEXEC_SIG_FORCE, or lock down, or build without CONFIG_KEXEC_FILE",
	  "CONFIG_KEXEC_SIG=y\nCONFIG_KEXEC_BZIMAGE_VERIFY_SIG=y\nCONFIG_KEXEC_SIG_FORCE=y", NULL,
	  "lockdown=integrity", NULL },
	{ "kexec.load_disabled", "kexec switched off (kernel.kexec_load_disabled)", "kexec",
	  SEV(L, M), 0, 0,
	  ANY(FIRST(ALL(KN("KEXEC"), KN("KEXEC_FILE")), SY_MISSING("kernel.kexec_load_disabled")),
	      SY_EQ("kernel.kexec_load_disabled", "1")),
	  SRC_KSPP_SYSCTL, "a one-way switch: once set, neither kexec call works until reboot",
	  "set kernel.kexec_load_disabled=1 (or build without kexec)", NULL,
	  "kernel.kexec_load_disabled = 1", NULL, NULL },
	{ "kexec.sig_force", "kexec signatures forced by the config (KEXEC_SIG_FORCE)", "kexec",
	  SEV(I, N), V(5, 4), 0, ANY(KN("KEXEC_FILE"), KY("KEXEC_SIG_FORCE")), SRC_LOCKDOWN,
	  "without it only lockdown makes kexec_file_load refuse an invalid signature",
	  "build with CONFIG_KEXEC_SIG_FORCE=y", "CONFIG_KEXEC_SIG_FORCE=y", NULL, NULL, NULL },

	/* The kernel's own lockdown. */
	{ "lockdown.lsm", "lockdown LSM built (SECURITY_LOCKDOWN_LSM)", "lockdown", SEV(H, H), 0, 0,
	  ANY(RT_LEVEL("none"), KY_V("SECURITY_LOCKDOWN_LSM", V(5, 4), 0),
	      KY_V("LOCK_DOWN_KERNEL", 0, V(5, 4))),
	  SRC_KSPP_CFG, "without it there is no lockdown level to raise",
	  "build with CONFIG_SECURITY_LOCKDOWN_LSM=y", "CONFIG_SECURITY_LOCKDOWN_LSM=y", NULL, NULL,
	  NULL },
	{ "lockdown.early", "lockdown LSM initialised early (SECURITY_LOCKDOWN_LSM_EARLY)",
	  "lockdown", SEV(M, M), V(5, 4), 0, KY("SECURITY_LOCKDOWN_LSM_EARLY"), SRC_KSPP_CFG,
	  "early initialisation covers the boot before the other LSMs start and does not depend "
	  "on lsm=",
	  "build with CONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y", "CONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y",
	  NULL, NULL, NULL },
	{ "lockdown.active", "lockdown LSM active", "lockdown", SEV(H, H), 0, 0,
	  FIRST(RT_LSM("lockdown"), ALL(LOCKDOWN_LSM_LIVE)), SRC_KSPP_CFG,
	  "a lockdown LSM that is built but not initialised answers nothing",
	  "build with CONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y or add lockdown to lsm=",
	  "CONFIG_SECURITY_LOCKDOWN_LSM=y\nCONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y", NULL, NULL,
	  NULL },
	{ "lockdown.level", "kernel locked down: integrity or higher (effective)", "lockdown",
	  SEV(H, N), 0, 0, LEVEL_INTEGRITY, SRC_LOCKDOWN,
	  "integrity stops root from modifying the running kernel: unsigned modules, kexec, "
	  "/dev/mem, MSRs, ACPI tables, hibernation, ...",
	  "boot with lockdown=integrity, or run `lockdown raise integrity` early in boot",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y", NULL, "lockdown=integrity", NULL },
	{ "lockdown.level", "kernel locked down: confidentiality (effective)", "lockdown",
	  SEV(N, H), 0, 0, LEVEL_CONFIDENTIALITY, SRC_KSPP_CFG,
	  "confidentiality also stops root from reading kernel memory: /proc/kcore, kprobes, "
	  "tracefs, BPF reads of kernel memory, ...",
	  "boot with lockdown=confidentiality, or run `lockdown raise confidentiality`",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y", NULL, "lockdown=confidentiality",
	  NULL },
	{ "lockdown.boot_level", "locked down from boot: integrity or higher", "lockdown",
	  SEV(L, N), 0, 0, BOOT_INTEGRITY, SRC_LOCKDOWN,
	  "a level raised by a boot script leaves a window before it runs; a config, lockdown= or "
	  "Secure Boot level holds from the start",
	  "boot with lockdown=integrity or build with CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y", NULL, "lockdown=integrity", NULL },
	{ "lockdown.boot_level", "locked down from boot: confidentiality", "lockdown", SEV(N, M), 0,
	  0, BOOT_CONFIDENTIALITY, SRC_KSPP_CFG,
	  "a level raised by a boot script leaves a window before it runs",
	  "boot with lockdown=confidentiality or build with "
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y", NULL, "lockdown=confidentiality",
	  NULL },
	{ "lockdown.secure_boot",
	  "Secure Boot locks the kernel down (LOCK_DOWN_IN_EFI_SECURE_BOOT)", "lockdown", SEV(M, I),
	  0, 0,
	  ANY(KN("EFI"), KY_V("LOCK_DOWN_IN_EFI_SECURE_BOOT", V(5, 4), 0),
	      KY_V("LOCK_DOWN_IN_SECURE_BOOT", 0, V(5, 4))),
	  SRC_LOCKDOWN,
	  "under Secure Boot an unlocked kernel lets root boot unsigned code, defeating the chain "
	  "of trust (the option was LOCK_DOWN_IN_SECURE_BOOT before 5.4)",
	  "build with CONFIG_LOCK_DOWN_IN_EFI_SECURE_BOOT=y",
	  "CONFIG_LOCK_DOWN_IN_EFI_SECURE_BOOT=y", NULL, NULL, NULL },
	{ "lockdown.forced", "level forced by the config (LOCK_DOWN_KERNEL_FORCE_*)", "lockdown",
	  SEV(I, N), V(5, 4), 0,
	  ANY(KY("LOCK_DOWN_KERNEL_FORCE_INTEGRITY"), KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY")),
	  SRC_LOCKDOWN, "a forced level cannot be lowered by a boot parameter",
	  "build with CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y", NULL, NULL, NULL },
	{ "lockdown.forced", "confidentiality forced by the config", "lockdown", SEV(N, M), V(5, 4),
	  0, KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY"), SRC_KSPP_CFG,
	  "a forced level cannot be lowered by a boot parameter",
	  "build with CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y", NULL, NULL, NULL },

	/* KASLR. */
	{ "kaslr.base", "kernel base address randomised (RANDOMIZE_BASE)", "kaslr", SEV(H, H), 0, 0,
	  KY("RANDOMIZE_BASE"), SRC_KSPP_X86_ARM64,
	  "a fixed kernel address makes every kernel exploit position-independent of leaks",
	  "build with CONFIG_RANDOMIZE_BASE=y", "CONFIG_RANDOMIZE_BASE=y", NULL, NULL, NULL },
	{ "kaslr.memory", "kernel memory regions randomised (RANDOMIZE_MEMORY)", "kaslr", SEV(M, M),
	  0, 0, KY("RANDOMIZE_MEMORY"), SRC_KSPP_X86,
	  "fixed direct-map and vmalloc bases help exploits find kernel data",
	  "build with CONFIG_RANDOMIZE_MEMORY=y", "CONFIG_RANDOMIZE_MEMORY=y", NULL, NULL, "x86" },
	{ "kaslr.cmdline", "KASLR not switched off (no nokaslr)", "kaslr", SEV(H, H), 0, 0,
	  CL_ABSENT("nokaslr"), SRC_KSPP_X86_ARM64, "nokaslr undoes RANDOMIZE_BASE at boot",
	  "remove nokaslr from the kernel command line", NULL, NULL, NULL, NULL },
	{ "kaslr.kstack", "kernel stack offset randomised per syscall", "kaslr", SEV(I, M),
	  V(5, 13), 0, KY("RANDOMIZE_KSTACK_OFFSET_DEFAULT"), SRC_KSPP_CFG,
	  "a per-syscall stack offset defeats stack-layout-dependent attacks",
	  "build with CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT=y",
	  "CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT=y", NULL, NULL, NULL },

	/* Pointer and log leaks. */
	{ "leaks.kptr_restrict", "kernel pointers hidden (kernel.kptr_restrict >= 1)", "leaks",
	  SEV(M, N), 0, 0, SY_GE("kernel.kptr_restrict", "1"), SRC_SYSCTL,
	  "printed kernel addresses undo KASLR", "set kernel.kptr_restrict=1", NULL,
	  "kernel.kptr_restrict = 1", NULL, NULL },
	{ "leaks.kptr_restrict", "kernel pointers hidden from all (kernel.kptr_restrict = 2)",
	  "leaks", SEV(N, M), 0, 0, SY_GE("kernel.kptr_restrict", "2"), SRC_KSPP_SYSCTL,
	  "printed kernel addresses undo KASLR, for root too", "set kernel.kptr_restrict=2", NULL,
	  "kernel.kptr_restrict = 2", NULL, NULL },
	{ "leaks.dmesg_restrict", "kernel log restricted (kernel.dmesg_restrict)", "leaks",
	  SEV(M, M), 0, 0, SY_EQ("kernel.dmesg_restrict", "1"), SRC_KSPP_SYSCTL,
	  "the kernel log shows addresses and state useful to exploits",
	  "set kernel.dmesg_restrict=1", NULL, "kernel.dmesg_restrict = 1", NULL, NULL },
	{ "leaks.dmesg_restrict_config",
	  "kernel log restricted by default (SECURITY_DMESG_RESTRICT)", "leaks", SEV(L, L), 0, 0,
	  KY("SECURITY_DMESG_RESTRICT"), SRC_KSPP_CFG,
	  "the default holds before any sysctl is applied",
	  "build with CONFIG_SECURITY_DMESG_RESTRICT=y", "CONFIG_SECURITY_DMESG_RESTRICT=y", NULL,
	  NULL, NULL },
	{ "leaks.hash_pointers", "pointer hashing not switched off (no no_hash_pointers)", "leaks",
	  SEV(M, I), 0, 0, CL_ABSENT("no_hash_pointers"), SRC_PARAMS,
	  "no_hash_pointers prints raw kernel addresses for every %p",
	  "remove no_hash_pointers from the kernel command line", NULL, NULL, NULL, NULL },

	/* Windows onto kernel memory. */
	{ "memory.devmem", "/dev/mem closed or restricted", "memory", SEV(H, N), 0, 0,
	  ANY(KN("DEVMEM"), ALL(KY("STRICT_DEVMEM"), KY("IO_STRICT_DEVMEM")), LEVEL_INTEGRITY,
	      ENF("dev_mem")),
	  SRC_LOCKDOWN, "/dev/mem writes kernel memory and device registers directly",
	  "build without CONFIG_DEVMEM or with CONFIG_STRICT_DEVMEM and CONFIG_IO_STRICT_DEVMEM, "
	  "or lock down",
	  "CONFIG_STRICT_DEVMEM=y\nCONFIG_IO_STRICT_DEVMEM=y", NULL, "lockdown=integrity", NULL },
	{ "memory.devmem", "/dev/mem not built (DEVMEM)", "memory", SEV(N, H), 0, 0, KN("DEVMEM"),
	  SRC_KSPP_CFG, "/dev/mem writes kernel memory and device registers directly",
	  "build without CONFIG_DEVMEM", "# CONFIG_DEVMEM is not set", NULL, NULL, NULL },
	{ "memory.devport", "/dev/port closed", "memory", SEV(M, I), 0, 0,
	  ANY(KN("DEVPORT"), LEVEL_INTEGRITY, ENF("dev_mem")), SRC_LOCKDOWN,
	  "/dev/port reaches I/O ports, and through them DMA-capable devices",
	  "build without CONFIG_DEVPORT, or lock down", "# CONFIG_DEVPORT is not set", NULL,
	  "lockdown=integrity", NULL },
	{ "memory.kcore", "/proc/kcore not built (PROC_KCORE)", "memory", SEV(N, M), 0, 0,
	  KN("PROC_KCORE"), SRC_KSPP_CFG, "/proc/kcore exposes the kernel's text and memory",
	  "build without CONFIG_PROC_KCORE", "# CONFIG_PROC_KCORE is not set", NULL, NULL, NULL },
	{ "memory.kcore", "/proc/kcore closed", "memory", SEV(L, N), 0, 0,
	  ANY(KN("PROC_KCORE"), LEVEL_CONFIDENTIALITY, ENF("kcore")), SRC_LOCKDOWN,
	  "/proc/kcore lets root read all kernel memory, keys included (a confidentiality reason)",
	  "build without CONFIG_PROC_KCORE, or lock down to confidentiality",
	  "# CONFIG_PROC_KCORE is not set", NULL, "lockdown=confidentiality", NULL },
	{ "memory.acpi_custom_method", "ACPI custom methods not built (ACPI_CUSTOM_METHOD)",
	  "memory", SEV(N, H), 0, 0, KN("ACPI_CUSTOM_METHOD"), SRC_KSPP_CFG,
	  "custom_method writes AML that runs with kernel privileges",
	  "build without CONFIG_ACPI_CUSTOM_METHOD", "# CONFIG_ACPI_CUSTOM_METHOD is not set", NULL,
	  NULL, NULL },
	{ "memory.acpi_custom_method", "ACPI custom methods cannot be written", "memory", SEV(H, N),
	  0, 0, ANY(KN("ACPI_CUSTOM_METHOD"), LEVEL_INTEGRITY, ENF("acpi_tables")), SRC_LOCKDOWN,
	  "custom_method writes AML that runs with kernel privileges",
	  "build without CONFIG_ACPI_CUSTOM_METHOD, or lock down",
	  "# CONFIG_ACPI_CUSTOM_METHOD is not set", NULL, "lockdown=integrity", NULL },
	{ "memory.acpi_table_upgrade", "ACPI tables cannot be replaced from the initrd", "memory",
	  SEV(M, I), 0, 0, ANY(KN("ACPI_TABLE_UPGRADE"), BOOT_INTEGRITY), SRC_LOCKDOWN,
	  "tables are read from the initrd early in boot: only a level set at boot refuses them, "
	  "a later raise comes too late",
	  "build without CONFIG_ACPI_TABLE_UPGRADE, or boot with lockdown=integrity",
	  "# CONFIG_ACPI_TABLE_UPGRADE is not set", NULL, "lockdown=integrity", NULL },
	{ "memory.efi_test", "EFI runtime test driver refused (EFI_TEST)", "memory", SEV(M, I), 0,
	  0, ANY(KN("EFI_TEST"), LEVEL_INTEGRITY, ENF("efi_test")), SRC_LOCKDOWN,
	  "efi_test calls EFI runtime services with arguments from user space",
	  "build without CONFIG_EFI_TEST, or lock down", "# CONFIG_EFI_TEST is not set", NULL,
	  "lockdown=integrity", NULL },
	{ "memory.hibernation", "hibernation not built (HIBERNATION)", "memory", SEV(N, M), 0, 0,
	  KN("HIBERNATION"), SRC_KSPP_CFG,
	  "the hibernation image is not signed: whoever writes it writes the next kernel",
	  "build without CONFIG_HIBERNATION", "# CONFIG_HIBERNATION is not set", NULL, NULL, NULL },
	{ "memory.hibernation", "hibernation cannot restore a modified image", "memory", SEV(M, N),
	  0, 0, ANY(KN("HIBERNATION"), CL_TRUE("nohibernate"), LEVEL_INTEGRITY, ENF("hibernation")),
	  SRC_LOCKDOWN,
	  "the hibernation image is not signed: whoever writes it writes the next kernel",
	  "build without CONFIG_HIBERNATION, boot with nohibernate, or lock down",
	  "# CONFIG_HIBERNATION is not set", NULL, "nohibernate", NULL },
	{ "memory.devkmem", "/dev/kmem absent (DEVKMEM)", "memory", SEV(H, H), 0, V(5, 13),
	  KN("DEVKMEM"), SRC_KSPP_CFG, "/dev/kmem writes kernel virtual memory directly",
	  "build without CONFIG_DEVKMEM", "# CONFIG_DEVKMEM is not set", NULL, NULL, NULL },

	/* BPF. */
	{ "bpf.unprivileged",
	  "unprivileged BPF disabled for good (kernel.unprivileged_bpf_disabled = 1)", "bpf",
	  SEV(N, H), 0, 0, SY_EQ("kernel.unprivileged_bpf_disabled", "1"), SRC_KSPP_SYSCTL,
	  "1 is one-way until reboot; 2 lets root switch unprivileged BPF back on",
	  "set kernel.unprivileged_bpf_disabled=1", NULL, "kernel.unprivileged_bpf_disabled = 1",
	  NULL, NULL },
	{ "bpf.unprivileged", "unprivileged BPF disabled (kernel.unprivileged_bpf_disabled)", "bpf",
	  SEV(H, N), 0, 0, SY_GE("kernel.unprivileged_bpf_disabled", "1"), SRC_SYSCTL,
	  "unprivileged BPF has been a steady source of kernel exploits",
	  "set kernel.unprivileged_bpf_disabled=1 (2 keeps it switchable by root)", NULL,
	  "kernel.unprivileged_bpf_disabled = 1", NULL, NULL },
	{ "bpf.unpriv_default_off", "unprivileged BPF off by default (BPF_UNPRIV_DEFAULT_OFF)",
	  "bpf", SEV(L, I), V(5, 13), 0, KY("BPF_UNPRIV_DEFAULT_OFF"), SRC_HARDENING,
	  "the default holds before any sysctl is applied",
	  "build with CONFIG_BPF_UNPRIV_DEFAULT_OFF=y", "CONFIG_BPF_UNPRIV_DEFAULT_OFF=y", NULL,
	  NULL, NULL },
	{ "bpf.jit_harden", "BPF JIT hardened (net.core.bpf_jit_harden >= 1)", "bpf", SEV(M, N), 0,
	  0, SY_GE("net.core.bpf_jit_harden", "1"), SRC_SYSCTL,
	  "constant blinding stops JIT spraying by unprivileged programs",
	  "set net.core.bpf_jit_harden=1", NULL, "net.core.bpf_jit_harden = 1", NULL, NULL },
	{ "bpf.jit_harden", "BPF JIT hardened for all (net.core.bpf_jit_harden = 2)", "bpf",
	  SEV(N, M), 0, 0, SY_GE("net.core.bpf_jit_harden", "2"), SRC_KSPP_SYSCTL,
	  "constant blinding for every program, privileged ones included",
	  "set net.core.bpf_jit_harden=2", NULL, "net.core.bpf_jit_harden = 2", NULL, NULL },
	{ "bpf.jit_always_on", "BPF interpreter removed (BPF_JIT_ALWAYS_ON)", "bpf", SEV(I, I), 0,
	  0, KY("BPF_JIT_ALWAYS_ON"), SRC_HARDENING,
	  "the interpreter is a known gadget for speculative-execution attacks",
	  "build with CONFIG_BPF_JIT_ALWAYS_ON=y", "CONFIG_BPF_JIT_ALWAYS_ON=y", NULL, NULL, NULL },
	{ "bpf.lsm", "BPF LSM active (fine-grained lockdown possible)", "bpf", SEV(M, I), 0, 0,
	  FIRST(RT_LSM("bpf"), ALL(KY("BPF_LSM"), CL_LSM("bpf"))), SRC_BPF_LSM,
	  "lockdown's per-operation policies run as a BPF LSM program on lsm/locked_down",
	  "build with CONFIG_BPF_LSM=y and add bpf to lsm= (see `lockdown status`)",
	  "CONFIG_BPF_LSM=y", NULL, NULL, NULL },

	/* Secure Boot. */
	{ "secureboot.enabled", "EFI Secure Boot enabled", "secureboot", SEV(M, I), 0, 0,
	  RT_EQ("efi:SecureBoot", "1"), "UEFI specification",
	  "without Secure Boot the boot chain is not verified and distribution kernels do not "
	  "lock down by themselves",
	  "enable Secure Boot in the firmware setup", NULL, NULL, NULL, NULL },
	{ "secureboot.setup_mode", "firmware not in Secure Boot setup mode", "secureboot",
	  SEV(M, I), 0, 0, RT_EQ("efi:SetupMode", "0"), "UEFI specification",
	  "in setup mode anyone can enrol keys: Secure Boot protects nothing",
	  "enrol a platform key (PK) in the firmware setup", NULL, NULL, NULL, NULL },
	{ "secureboot.shim", "shim validation not disabled (MokSBStateRT)", "secureboot", SEV(M, I),
	  0, 0, RT_ABSENT_OR_EQ("efi:MokSBStateRT", "0"), "shim documentation",
	  "with validation disabled shim boots unsigned kernels although Secure Boot is on",
	  "run `mokutil --enable-validation` and reboot", NULL, NULL, NULL, NULL },
	/* Module loading, beyond signatures. */
	{ "modules.force_load", "forced module loading not built (MODULE_FORCE_LOAD)", "modules",
	  SEV(M, M), 0, 0, ANY(NO_MODULES, KN("MODULE_FORCE_LOAD")), SRC_KSPP_CFG,
	  "modprobe --force loads modules built for another kernel, version checks skipped",
	  "build without CONFIG_MODULE_FORCE_LOAD", "# CONFIG_MODULE_FORCE_LOAD is not set", NULL,
	  NULL, NULL },
	{ "modules.trim_ksyms", "unused kernel symbols not exported (TRIM_UNUSED_KSYMS)", "modules",
	  SEV(I, I), 0, 0, ANY(NO_MODULES, KY("TRIM_UNUSED_KSYMS")), SRC_HARDENING,
	  "every exported symbol is an entry point a loaded module can call",
	  "build with CONFIG_TRIM_UNUSED_KSYMS=y", "CONFIG_TRIM_UNUSED_KSYMS=y", NULL, NULL, NULL },
	{ "modules.static_usermodehelper",
	  "usermode helpers through one fixed program "
	  "(STATIC_USERMODEHELPER)",
	  "modules", SEV(I, M), 0, 0, KY("STATIC_USERMODEHELPER"), SRC_KSPP_CFG,
	  "a kernel write primitive that rewrites modprobe_path or core_pattern runs any program "
	  "as root; a static helper cannot be redirected (needs user-space support)",
	  "build with CONFIG_STATIC_USERMODEHELPER=y", "CONFIG_STATIC_USERMODEHELPER=y", NULL, NULL,
	  NULL },
	{ "modules.livepatch", "live patching not built, or only signed patches (LIVEPATCH)",
	  "modules", SEV(L, I), 0, 0,
	  ANY(KN("LIVEPATCH"), NO_MODULES, LEVEL_INTEGRITY, SIG_FORCED, ENF("module_signature")),
	  SRC_HARDENING,
	  "a live patch is a module that replaces kernel functions: safe only when modules must "
	  "be signed",
	  "build without CONFIG_LIVEPATCH, or enforce module signatures",
	  "# CONFIG_LIVEPATCH is not set", NULL, "module.sig_enforce=1", NULL },

	/* Kernel text: never writable and executable at once. */
	{ "text.strict_rwx", "kernel text read-only, data not executable (STRICT_KERNEL_RWX)",
	  "text", SEV(H, H), 0, 0, KY("STRICT_KERNEL_RWX"), SRC_KSPP_CFG,
	  "writable kernel text or executable data makes code injection a single write",
	  "build with CONFIG_STRICT_KERNEL_RWX=y", "CONFIG_STRICT_KERNEL_RWX=y", NULL, NULL, NULL },
	{ "text.debug_wx", "W+X mappings reported at boot (DEBUG_WX)", "text", SEV(L, M), 0, 0,
	  KY("DEBUG_WX"), SRC_KSPP_CFG,
	  "a mapping both writable and executable is reported once, at boot",
	  "build with CONFIG_DEBUG_WX=y", "CONFIG_DEBUG_WX=y", NULL, NULL, NULL },
	{ "text.rodata", "read-only data not switched off (no rodata=off)", "text", SEV(H, H), 0, 0,
	  CL_NOT_ONEOF("rodata", "off," CL_BOOL_FALSE), SRC_KSPP_CFG,
	  "rodata=off leaves kernel text and read-only data writable",
	  "remove rodata=off from the kernel command line", NULL, NULL, NULL, NULL },
	{ "text.rodata_full", "linear map read-only too (rodata=full)", "text", SEV(M, I), 0, 0,
	  ANY(CL_ONEOF("rodata", "full"),
	      ALL(KY("RODATA_FULL_DEFAULT_ENABLED"), CL_ABSENT("rodata"))),
	  SRC_HARDENING, "without it the linear-map alias of kernel text and rodata stays writable",
	  "build with CONFIG_RODATA_FULL_DEFAULT_ENABLED=y or boot with rodata=full",
	  "CONFIG_RODATA_FULL_DEFAULT_ENABLED=y", NULL, "rodata=full", "arm64" },
	{ "text.ibt", "indirect branch tracking in the kernel (X86_KERNEL_IBT)", "text", SEV(M, M),
	  V(5, 18), 0, KY("X86_KERNEL_IBT"), SRC_KSPP_X86,
	  "CET IBT stops indirect calls into the middle of functions (code reuse)",
	  "build with CONFIG_X86_KERNEL_IBT=y", "CONFIG_X86_KERNEL_IBT=y", NULL, NULL, "x86" },
	{ "text.cfi", "control-flow integrity (CFI_CLANG)", "text", SEV(I, M), 0, 0,
	  KY("CFI_CLANG"), SRC_KSPP_X86,
	  "kCFI checks the type of every indirect call target (Clang builds only)",
	  "build with Clang and CONFIG_CFI_CLANG=y", "CONFIG_CFI_CLANG=y", NULL, NULL, NULL },
	{ "text.cfi_permissive", "CFI violations stop the kernel (no CFI_PERMISSIVE)", "text",
	  SEV(I, M), 0, 0, ALL(KY("CFI_CLANG"), KN("CFI_PERMISSIVE")), SRC_KSPP_X86,
	  "in permissive mode a CFI violation is only reported",
	  "build with CONFIG_CFI_CLANG=y and without CONFIG_CFI_PERMISSIVE",
	  "CONFIG_CFI_CLANG=y\n# CONFIG_CFI_PERMISSIVE is not set", NULL, NULL, NULL },
	{ "text.bti", "branch target identification in the kernel (ARM64_BTI_KERNEL)", "text",
	  SEV(M, M), 0, 0, KY("ARM64_BTI_KERNEL"), SRC_KSPP_ARM64,
	  "BTI stops indirect branches into the middle of functions (code reuse)",
	  "build with CONFIG_ARM64_BTI_KERNEL=y", "CONFIG_ARM64_BTI=y\nCONFIG_ARM64_BTI_KERNEL=y",
	  NULL, NULL, "arm64" },
	{ "text.pac", "return addresses signed in the kernel (ARM64_PTR_AUTH_KERNEL)", "text",
	  SEV(M, M), 0, 0, ANY(KY("ARM64_PTR_AUTH_KERNEL"), KY_V("ARM64_PTR_AUTH", 0, V(5, 14))),
	  SRC_KSPP_ARM64,
	  "pointer authentication makes overwritten return addresses fault (before 5.14, "
	  "ARM64_PTR_AUTH covered the kernel too)",
	  "build with CONFIG_ARM64_PTR_AUTH_KERNEL=y",
	  "CONFIG_ARM64_PTR_AUTH=y\nCONFIG_ARM64_PTR_AUTH_KERNEL=y", NULL, NULL, "arm64" },
	{ "text.nobti", "BTI not switched off (no arm64.nobti)", "text", SEV(M, I), 0, 0,
	  CL_ABSENT("arm64.nobti"), SRC_PARAMS, "arm64.nobti undoes ARM64_BTI_KERNEL at boot",
	  "remove arm64.nobti from the kernel command line", NULL, NULL, NULL, "arm64" },
	{ "text.nopauth", "pointer authentication not switched off (no arm64.nopauth)", "text",
	  SEV(M, I), 0, 0, CL_ABSENT("arm64.nopauth"), SRC_PARAMS,
	  "arm64.nopauth undoes ARM64_PTR_AUTH_KERNEL at boot",
	  "remove arm64.nopauth from the kernel command line", NULL, NULL, NULL, "arm64" },
	{ "text.shadow_call_stack", "return addresses on a shadow stack (SHADOW_CALL_STACK)",
	  "text", SEV(I, M), 0, 0, KY("SHADOW_CALL_STACK"), SRC_KSPP_ARM64,
	  "a separate stack of return addresses, out of reach of stack overflows",
	  "build with CONFIG_SHADOW_CALL_STACK=y", "CONFIG_SHADOW_CALL_STACK=y", NULL, NULL,
	  "arm64" },
	{ "text.writable_hooks", "LSM hooks read-only (no SECURITY_WRITABLE_HOOKS)", "text",
	  SEV(M, M), 0, 0, KN("SECURITY_WRITABLE_HOOKS"), SRC_KSPP_CFG,
	  "writable LSM hook lists let a kernel write switch lockdown and every LSM off",
	  "build without CONFIG_SECURITY_WRITABLE_HOOKS",
	  "# CONFIG_SECURITY_WRITABLE_HOOKS is not set", NULL, NULL, NULL },
	{ "text.selinux_disable",
	  "SELinux cannot be switched off at runtime "
	  "(no SECURITY_SELINUX_DISABLE)",
	  "text", SEV(L, M), 0, 0, KN("SECURITY_SELINUX_DISABLE"), SRC_KSPP_CFG,
	  "runtime disable keeps the LSM hooks writable",
	  "build without CONFIG_SECURITY_SELINUX_DISABLE",
	  "# CONFIG_SECURITY_SELINUX_DISABLE is not set", NULL, NULL, NULL },

	/* Kernel and user memory kept apart. */
	{ "isolation.pti", "kernel page-table isolation built (PAGE_TABLE_ISOLATION)", "isolation",
	  SEV(M, M), 0, 0, ANY(KY("MITIGATION_PAGE_TABLE_ISOLATION"), KY("PAGE_TABLE_ISOLATION")),
	  SRC_KSPP_X86,
	  "without it Meltdown-class CPUs leak kernel memory, keys included, to user space",
	  "build with CONFIG_MITIGATION_PAGE_TABLE_ISOLATION=y",
	  "CONFIG_MITIGATION_PAGE_TABLE_ISOLATION=y", NULL, NULL, "x86" },
	{ "isolation.nopti", "page-table isolation not switched off (no nopti, pti=off)",
	  "isolation", SEV(M, N), 0, 0, ALL(CL_ABSENT("nopti"), CL_NOT_ONEOF("pti", "off")),
	  SRC_PARAMS, "nopti and pti=off undo PAGE_TABLE_ISOLATION",
	  "remove nopti and pti=off from the kernel command line", NULL, NULL, NULL, "x86" },
	{ "isolation.nopti", "page-table isolation forced on (pti=on)", "isolation", SEV(N, M), 0,
	  0, ALL(CL_ONEOF("pti", "on"), CL_ABSENT("nopti")), SRC_KSPP_CMDLINE,
	  "KSPP forces PTI on even where the CPU claims to be safe from Meltdown",
	  "boot with pti=on", NULL, NULL, "pti=on", "x86" },
	{ "isolation.smep_smap", "SMEP and SMAP not switched off (no nosmep, nosmap)", "isolation",
	  SEV(H, I), 0, 0, ALL(CL_ABSENT("nosmep"), CL_ABSENT("nosmap")), SRC_PARAMS,
	  "without SMEP/SMAP the kernel runs or reads user-space memory an exploit prepared",
	  "remove nosmep and nosmap from the kernel command line", NULL, NULL, NULL, "x86" },
	{ "isolation.umip", "descriptor tables hidden from user space (X86_UMIP)", "isolation",
	  SEV(L, I), 0, 0, ANY(KY("X86_UMIP"), KY("X86_INTEL_UMIP")), SRC_HARDENING,
	  "SGDT/SIDT from user space reveal kernel addresses", "build with CONFIG_X86_UMIP=y",
	  "CONFIG_X86_UMIP=y", NULL, NULL, "x86" },
	{ "isolation.kpti", "kernel unmapped at EL0 (UNMAP_KERNEL_AT_EL0)", "isolation", SEV(M, M),
	  0, 0, KY("UNMAP_KERNEL_AT_EL0"), SRC_KSPP_ARM64,
	  "without it Meltdown-class CPUs leak kernel memory to user space",
	  "build with CONFIG_UNMAP_KERNEL_AT_EL0=y", "CONFIG_UNMAP_KERNEL_AT_EL0=y", NULL, NULL,
	  "arm64" },
	{ "isolation.pan", "privileged access never (ARM64_PAN)", "isolation", SEV(M, I), 0, 0,
	  KY("ARM64_PAN"), SRC_HARDENING,
	  "PAN faults kernel accesses to user memory an exploit prepared",
	  "build with CONFIG_ARM64_PAN=y", "CONFIG_ARM64_PAN=y", NULL, NULL, "arm64" },
	{ "isolation.sw_pan", "PAN emulated where the CPU lacks it (ARM64_SW_TTBR0_PAN)",
	  "isolation", SEV(I, M), 0, 0, KY("ARM64_SW_TTBR0_PAN"), SRC_KSPP_ARM64,
	  "older CPUs get PAN's protection in software", "build with CONFIG_ARM64_SW_TTBR0_PAN=y",
	  "CONFIG_ARM64_SW_TTBR0_PAN=y", NULL, NULL, "arm64" },
	{ "isolation.e0pd", "kernel addresses fault early from EL0 (ARM64_E0PD)", "isolation",
	  SEV(I, M), 0, 0, KY("ARM64_E0PD"), SRC_KSPP_ARM64,
	  "E0PD stops user space timing kernel addresses (KASLR leaks)",
	  "build with CONFIG_ARM64_E0PD=y", "CONFIG_ARM64_E0PD=y", NULL, NULL, "arm64" },
	{ "isolation.epan", "PAN covers execute-only user memory (ARM64_EPAN)", "isolation",
	  SEV(I, M), 0, 0, KY("ARM64_EPAN"), SRC_KSPP_ARM64,
	  "enhanced PAN also faults kernel reads of execute-only user pages",
	  "build with CONFIG_ARM64_EPAN=y", "CONFIG_ARM64_EPAN=y", NULL, NULL, "arm64" },
	{ "isolation.mmap_min_addr", "first 64 KiB unmappable (DEFAULT_MMAP_MIN_ADDR >= 65536)",
	  "isolation", SEV(L, M), 0, 0, K_GE("DEFAULT_MMAP_MIN_ADDR", "65536"), SRC_KSPP_X86,
	  "a mappable page 0 turns kernel NULL dereferences into code execution",
	  "build with CONFIG_DEFAULT_MMAP_MIN_ADDR=65536", "CONFIG_DEFAULT_MMAP_MIN_ADDR=65536",
	  "vm.mmap_min_addr = 65536", NULL, "x86" },
	{ "isolation.mmap_min_addr", "first 32 KiB unmappable (DEFAULT_MMAP_MIN_ADDR >= 32768)",
	  "isolation", SEV(L, M), 0, 0, K_GE("DEFAULT_MMAP_MIN_ADDR", "32768"), SRC_KSPP_ARM64,
	  "a mappable page 0 turns kernel NULL dereferences into code execution",
	  "build with CONFIG_DEFAULT_MMAP_MIN_ADDR=32768", "CONFIG_DEFAULT_MMAP_MIN_ADDR=32768",
	  "vm.mmap_min_addr = 32768", NULL, "arm64" },
	{ "isolation.mmap_min_addr_sysctl", "first 64 KiB unmappable now (vm.mmap_min_addr)",
	  "isolation", SEV(L, I), 0, 0, SY_GE("vm.mmap_min_addr", "65536"), SRC_HARDENING,
	  "the sysctl overrides the config's default at runtime", "set vm.mmap_min_addr=65536",
	  NULL, "vm.mmap_min_addr = 65536", NULL, "x86" },
	{ "kaslr.module_region",
	  "modules placed anywhere in their region "
	  "(RANDOMIZE_MODULE_REGION_FULL)",
	  "kaslr", SEV(L, I), 0, 0, ANY(NO_MODULES, KY("RANDOMIZE_MODULE_REGION_FULL")),
	  SRC_HARDENING,
	  "a narrow module region makes module addresses guessable from the kernel's",
	  "build with CONFIG_RANDOMIZE_MODULE_REGION_FULL=y",
	  "CONFIG_RANDOMIZE_MODULE_REGION_FULL=y", NULL, NULL, "arm64" },

	/* Interfaces into kernel memory and code: closed by the config, by the kernel's lockdown
	 * level, or by this project's sealed enforcer denying the reason to every task. */
	{ "interfaces.msr", "MSR writes closed (X86_MSR)", "interfaces", SEV(H, N), 0, 0,
	  ANY(KN("X86_MSR"), LEVEL_INTEGRITY, ENF("msr")), SRC_LOCKDOWN,
	  "/dev/cpu/*/msr writes model-specific registers: syscall entry points, debug controls",
	  "build without CONFIG_X86_MSR, or lock down", "# CONFIG_X86_MSR is not set", NULL,
	  "lockdown=integrity", "x86" },
	{ "interfaces.msr", "MSR driver not built (X86_MSR)", "interfaces", SEV(N, H), 0, 0,
	  KN("X86_MSR"), SRC_KSPP_X86,
	  "/dev/cpu/*/msr writes model-specific registers: syscall entry points, debug controls",
	  "build without CONFIG_X86_MSR", "# CONFIG_X86_MSR is not set", NULL, NULL, "x86" },
	{ "interfaces.ioperm", "raw I/O port access closed (X86_IOPL_IOPERM)", "interfaces",
	  SEV(H, I), 0, 0, ANY(KN("X86_IOPL_IOPERM"), LEVEL_INTEGRITY, ENF("ioport")), SRC_LOCKDOWN,
	  "iopl and ioperm reach DMA-capable devices from user space",
	  "build without CONFIG_X86_IOPL_IOPERM, or lock down",
	  "# CONFIG_X86_IOPL_IOPERM is not set", NULL, "lockdown=integrity", "x86" },
	{ "interfaces.debugfs", "debugfs closed (DEBUG_FS)", "interfaces", SEV(M, I), 0, 0,
	  ANY(KN("DEBUG_FS"), CL_ONEOF("debugfs", "off"), LEVEL_INTEGRITY, ENF("debugfs")),
	  SRC_LOCKDOWN, "debugfs files read and write driver and kernel state with few checks",
	  "build without CONFIG_DEBUG_FS, boot with debugfs=off, or lock down",
	  "# CONFIG_DEBUG_FS is not set", NULL, "debugfs=off", NULL },
	{ "interfaces.acpi_configfs",
	  "ACPI tables cannot be loaded through configfs "
	  "(ACPI_CONFIGFS)",
	  "interfaces", SEV(H, I), 0, 0,
	  ANY(KN("ACPI_CONFIGFS"), LEVEL_INTEGRITY, ENF("acpi_tables")), SRC_LOCKDOWN,
	  "a table loaded at runtime runs AML with kernel privileges",
	  "build without CONFIG_ACPI_CONFIGFS, or lock down", "# CONFIG_ACPI_CONFIGFS is not set",
	  NULL, "lockdown=integrity", NULL },
	{ "interfaces.efi_ssdt", "no SSDT overlays from EFI variables (EFI_CUSTOM_SSDT_OVERLAYS)",
	  "interfaces", SEV(M, I), 0, 0, ANY(KN("EFI_CUSTOM_SSDT_OVERLAYS"), BOOT_INTEGRITY),
	  SRC_LOCKDOWN,
	  "an EFI variable names an ACPI table loaded at boot: only a level set at boot refuses "
	  "it",
	  "build without CONFIG_EFI_CUSTOM_SSDT_OVERLAYS, or boot with lockdown=integrity",
	  "# CONFIG_EFI_CUSTOM_SSDT_OVERLAYS is not set", NULL, "lockdown=integrity", NULL },
	{ "interfaces.mmiotrace", "MMIO tracing closed (MMIOTRACE)", "interfaces", SEV(M, I), 0, 0,
	  ANY(KN("MMIOTRACE"), LEVEL_INTEGRITY, ENF("mmiotrace")), SRC_LOCKDOWN,
	  "mmiotrace intercepts device register accesses of drivers",
	  "build without CONFIG_MMIOTRACE, or lock down", "# CONFIG_MMIOTRACE is not set", NULL,
	  "lockdown=integrity", "x86" },
	{ "interfaces.mmiotrace_test", "MMIO test module not built (MMIOTRACE_TEST)", "interfaces",
	  SEV(M, I), 0, 0, ANY(KN("MMIOTRACE_TEST"), LEVEL_INTEGRITY, ENF("mmiotrace")),
	  SRC_LOCKDOWN, "the test module writes to arbitrary physical addresses",
	  "build without CONFIG_MMIOTRACE_TEST, or lock down", "# CONFIG_MMIOTRACE_TEST is not set",
	  NULL, "lockdown=integrity", "x86" },
	{ "interfaces.kprobes", "kprobes closed (KPROBES)", "interfaces", SEV(M, I), 0, 0,
	  ANY(KN("KPROBES"), LEVEL_CONFIDENTIALITY, ENF("kprobes")), SRC_LOCKDOWN,
	  "kprobes read kernel memory at any instruction (a confidentiality reason)",
	  "build without CONFIG_KPROBES, or lock down to confidentiality",
	  "# CONFIG_KPROBES is not set", NULL, "lockdown=confidentiality", NULL },
	{ "interfaces.kprobe_events", "kprobe events closed (KPROBE_EVENTS)", "interfaces",
	  SEV(L, I), 0, 0, ANY(KN("KPROBE_EVENTS"), LEVEL_CONFIDENTIALITY, ENF("kprobes")),
	  SRC_LOCKDOWN, "tracefs kprobe events read kernel memory and function arguments",
	  "build without CONFIG_KPROBE_EVENTS, or lock down to confidentiality",
	  "# CONFIG_KPROBE_EVENTS is not set", NULL, "lockdown=confidentiality", NULL },
#define TRACER(id, opt, what)                                                                      \
	{                                                                                          \
		"interfaces." id, what " closed (" opt ")", "interfaces", SEV(L, I), 0, 0,         \
			ANY(KN(opt), LEVEL_CONFIDENTIALITY, ENF("tracefs")), SRC_LOCKDOWN,         \
			"tracefs shows kernel addresses, arguments and data (a confidentiality "   \
			"reason)",                                                                 \
			"build without CONFIG_" opt ", or lock down to confidentiality",           \
			"# CONFIG_" opt " is not set", NULL, "lockdown=confidentiality", NULL      \
	}
	TRACER("ftrace", "FTRACE", "kernel tracing"),
	TRACER("function_tracer", "FUNCTION_TRACER", "function tracer"),
	TRACER("generic_tracer", "GENERIC_TRACER", "generic tracer"),
	TRACER("stack_tracer", "STACK_TRACER", "stack tracer"),
	TRACER("hist_triggers", "HIST_TRIGGERS", "histogram triggers"),
	TRACER("blk_dev_io_trace", "BLK_DEV_IO_TRACE", "block I/O tracing"),
	TRACER("default_tracers", "ENABLE_DEFAULT_TRACERS", "default tracers"),
	TRACER("preemptirq_tracepoints", "PREEMPTIRQ_TRACEPOINTS", "preempt/irq tracepoints"),
#undef TRACER
	{ "interfaces.kgdb", "kernel debugger closed (KGDB)", "interfaces", SEV(M, I), 0, 0,
	  ANY(KN("KGDB"), LEVEL_INTEGRITY, ENF("dbg_write_kernel")), SRC_LOCKDOWN,
	  "kgdb and kdb read and write kernel memory from a console",
	  "build without CONFIG_KGDB, or lock down", "# CONFIG_KGDB is not set", NULL,
	  "lockdown=integrity", NULL },
	{ "interfaces.phram", "physical RAM as an MTD device not built (MTD_PHRAM)", "interfaces",
	  SEV(M, I), 0, 0, KN("MTD_PHRAM"), SRC_HARDENING,
	  "phram maps any physical address range, kernel memory included, as a block device",
	  "build without CONFIG_MTD_PHRAM", "# CONFIG_MTD_PHRAM is not set", NULL, NULL, NULL },
	{ "interfaces.slram", "RAM as an MTD device not built (MTD_SLRAM)", "interfaces", SEV(M, I),
	  0, 0, KN("MTD_SLRAM"), SRC_HARDENING,
	  "slram maps physical memory ranges as a block device", "build without CONFIG_MTD_SLRAM",
	  "# CONFIG_MTD_SLRAM is not set", NULL, NULL, NULL },
	{ "interfaces.vmcore", "old kernel's memory not exported after a crash (PROC_VMCORE)",
	  "interfaces", SEV(L, I), 0, 0, KN("PROC_VMCORE"), SRC_HARDENING,
	  "/proc/vmcore reads the crashed kernel's memory, secrets included",
	  "build without CONFIG_PROC_VMCORE", "# CONFIG_PROC_VMCORE is not set", NULL, NULL, NULL },
	{ "interfaces.crash_dump", "crash kernel support not built (CRASH_DUMP)", "interfaces",
	  SEV(I, I), 0, 0, KN("CRASH_DUMP"), SRC_HARDENING,
	  "a crash kernel reads and dumps the memory of the kernel it replaces",
	  "build without CONFIG_CRASH_DUMP", "# CONFIG_CRASH_DUMP is not set", NULL, NULL, NULL },
	{ "interfaces.kmemleak", "kmemleak not built (DEBUG_KMEMLEAK)", "interfaces", SEV(L, I), 0,
	  0, ANY(KN("DEBUG_KMEMLEAK"), LEVEL_INTEGRITY, ENF("debugfs")), SRC_HARDENING,
	  "its debugfs report lists kernel addresses and contents",
	  "build without CONFIG_DEBUG_KMEMLEAK", "# CONFIG_DEBUG_KMEMLEAK is not set", NULL, NULL,
	  NULL },
	{ "interfaces.ptdump", "kernel page tables not dumped (PTDUMP_DEBUGFS)", "interfaces",
	  SEV(L, I), 0, 0,
	  ANY(ALL(KN("PTDUMP_DEBUGFS"), KN("X86_PTDUMP"), KN("ARM_PTDUMP_DEBUGFS")),
	      LEVEL_INTEGRITY, ENF("debugfs")),
	  SRC_HARDENING, "a debugfs dump of the page tables maps out the kernel's memory",
	  "build without CONFIG_PTDUMP_DEBUGFS", "# CONFIG_PTDUMP_DEBUGFS is not set", NULL, NULL,
	  NULL },
	{ "interfaces.lkdtm", "crash test module not built (LKDTM)", "interfaces", SEV(M, I), 0, 0,
	  ANY(KN("LKDTM"), LEVEL_INTEGRITY, ENF("debugfs")), SRC_HARDENING,
	  "LKDTM corrupts kernel memory on request through debugfs", "build without CONFIG_LKDTM",
	  "# CONFIG_LKDTM is not set", NULL, NULL, NULL },
	{ "interfaces.kcov", "kernel coverage not built (KCOV)", "interfaces", SEV(I, I), 0, 0,
	  ANY(KN("KCOV"), LEVEL_INTEGRITY, ENF("debugfs")), SRC_HARDENING,
	  "kcov exposes kernel code addresses through debugfs", "build without CONFIG_KCOV",
	  "# CONFIG_KCOV is not set", NULL, NULL, NULL },

	/* Error injection: can change what the kernel's own checks answer. */
	{ "inject.bpf_kprobe_override", "BPF cannot override return values (BPF_KPROBE_OVERRIDE)",
	  "inject", SEV(H, I), 0, 0,
	  ANY(KN("BPF_KPROBE_OVERRIDE"), LEVEL_CONFIDENTIALITY, ENF("kprobes")), SRC_BPF_LSM,
	  "bpf_override_return() rewrites the result of error-injectable functions, the BPF "
	  "LSM's hooks among them: a program can defeat the enforcer's answers",
	  "build without CONFIG_BPF_KPROBE_OVERRIDE, or lock down to confidentiality",
	  "# CONFIG_BPF_KPROBE_OVERRIDE is not set", NULL, "lockdown=confidentiality", NULL },
	{ "inject.function_error_injection",
	  "function error injection not built (FUNCTION_ERROR_INJECTION)", "inject", SEV(M, I), 0,
	  0, ANY(KN("FUNCTION_ERROR_INJECTION"), LEVEL_CONFIDENTIALITY, ENF("kprobes")),
	  SRC_BPF_LSM,
	  "fail_function and bpf_override_return() make error-injectable functions, the BPF "
	  "LSM's hooks among them, return what the caller chooses",
	  "build without CONFIG_FUNCTION_ERROR_INJECTION, or lock down to confidentiality",
	  "# CONFIG_FUNCTION_ERROR_INJECTION is not set", NULL, "lockdown=confidentiality", NULL },
	{ "inject.fault_injection", "fault injection not built (FAULT_INJECTION)", "inject",
	  SEV(I, I), 0, 0, ANY(KN("FAULT_INJECTION"), LEVEL_INTEGRITY, ENF("debugfs")),
	  SRC_HARDENING, "injected failures reach error paths that are rarely tested",
	  "build without CONFIG_FAULT_INJECTION", "# CONFIG_FAULT_INJECTION is not set", NULL, NULL,
	  NULL },
	{ "inject.notifier_error_injection",
	  "notifier error injection not built "
	  "(NOTIFIER_ERROR_INJECTION)",
	  "inject", SEV(I, I), 0, 0,
	  ANY(KN("NOTIFIER_ERROR_INJECTION"), LEVEL_INTEGRITY, ENF("debugfs")), SRC_HARDENING,
	  "injected notifier failures reach error paths that are rarely tested",
	  "build without CONFIG_NOTIFIER_ERROR_INJECTION",
	  "# CONFIG_NOTIFIER_ERROR_INJECTION is not set", NULL, NULL, NULL },
	{ "inject.hwpoison", "memory poisoning from user space not built (HWPOISON_INJECT)",
	  "inject", SEV(I, I), 0, 0, ANY(KN("HWPOISON_INJECT"), LEVEL_INTEGRITY, ENF("debugfs")),
	  SRC_HARDENING, "poisoning pages by number through debugfs reaches kernel memory",
	  "build without CONFIG_HWPOISON_INJECT", "# CONFIG_HWPOISON_INJECT is not set", NULL, NULL,
	  NULL },

	/* Address leaks. */
	{ "leaks.hash_pointers_always", "pointers always hashed (hash_pointers=always)", "leaks",
	  SEV(I, I), V(6, 17), 0, CL_ONEOF("hash_pointers", "always"), SRC_PARAMS,
	  "hashes every %p, even where the kernel would print the address",
	  "boot with hash_pointers=always", NULL, NULL, "hash_pointers=always", NULL },
	{ "leaks.kallsyms", "kernel symbol table not built (KALLSYMS)", "leaks", SEV(I, I), 0, 0,
	  KN("KALLSYMS"), SRC_HARDENING,
	  "/proc/kallsyms maps every kernel function; kptr_restrict hides the addresses",
	  "build without CONFIG_KALLSYMS (breaks most debugging)", "# CONFIG_KALLSYMS is not set",
	  NULL, NULL, NULL },
	{ "leaks.perf_event_paranoid", "perf restricted (kernel.perf_event_paranoid >= 2)", "leaks",
	  SEV(M, N), 0, 0,
	  ANY(SY_GE("kernel.perf_event_paranoid", "2"), LEVEL_CONFIDENTIALITY, ENF("perf")),
	  SRC_SYSCTL, "perf samples kernel addresses and data",
	  "set kernel.perf_event_paranoid=2 (3 with Debian's patch), or lock down to "
	  "confidentiality",
	  NULL, "kernel.perf_event_paranoid = 3", NULL, NULL },
	{ "leaks.perf_event_paranoid", "perf closed to users (kernel.perf_event_paranoid = 3)",
	  "leaks", SEV(N, M), 0, 0, SY_GE("kernel.perf_event_paranoid", "3"), SRC_KSPP_SYSCTL,
	  "perf samples kernel addresses and data", "set kernel.perf_event_paranoid=3", NULL,
	  "kernel.perf_event_paranoid = 3", NULL, NULL },

	/* DMA onto kernel memory. */
	{ "dma.iommu", "IOMMU support built (IOMMU_SUPPORT)", "dma", SEV(H, M), 0, 0,
	  KY("IOMMU_SUPPORT"), SRC_KSPP_CFG,
	  "without an IOMMU every DMA-capable device can write kernel memory",
	  "build with CONFIG_IOMMU_SUPPORT=y", "CONFIG_IOMMU_SUPPORT=y", NULL, NULL, NULL },
	{ "dma.intel_iommu", "Intel IOMMU driver built (INTEL_IOMMU)", "dma", SEV(M, M), 0, 0,
	  KY("INTEL_IOMMU"), SRC_KSPP_X86, "Intel machines need VT-d to confine device DMA",
	  "build with CONFIG_INTEL_IOMMU=y", "CONFIG_INTEL_IOMMU=y", NULL, NULL, "x86" },
	{ "dma.amd_iommu", "AMD IOMMU driver built (AMD_IOMMU)", "dma", SEV(M, M), 0, 0,
	  KY("AMD_IOMMU"), SRC_KSPP_X86, "AMD machines need AMD-Vi to confine device DMA",
	  "build with CONFIG_AMD_IOMMU=y", "CONFIG_AMD_IOMMU=y", NULL, NULL, "x86" },
	{ "dma.intel_iommu_on", "Intel IOMMU on (INTEL_IOMMU_DEFAULT_ON or intel_iommu=on)", "dma",
	  SEV(M, M), 0, 0,
	  ANY(CL_HAS("intel_iommu", "on"),
	      ALL(KY("INTEL_IOMMU_DEFAULT_ON"), CL_NOT_ONEOF("intel_iommu", "off"))),
	  SRC_KSPP_X86, "a built IOMMU that is off confines nothing",
	  "build with CONFIG_INTEL_IOMMU_DEFAULT_ON=y or boot with intel_iommu=on",
	  "CONFIG_INTEL_IOMMU_DEFAULT_ON=y", NULL, "intel_iommu=on", "x86" },
	{ "dma.amd_iommu_on", "AMD IOMMU not switched off (no amd_iommu=off)", "dma", SEV(M, I), 0,
	  0, CL_NOT_ONEOF("amd_iommu", "off"), SRC_IOMMU,
	  "amd_iommu=off leaves device DMA unconfined", "remove amd_iommu=off", NULL, NULL, NULL,
	  "x86" },
	{ "dma.passthrough", "DMA translated, not passed through (iommu.passthrough=0)", "dma",
	  SEV(H, H), 0, 0,
	  ALL(ANY(CL_ONEOF("iommu.passthrough", CL_BOOL_FALSE),
		  ALL(KN("IOMMU_DEFAULT_PASSTHROUGH"), CL_ABSENT("iommu.passthrough"))),
	      CL_NOT_ONEOF("iommu", "pt,off")),
	  SRC_KSPP_CFG, "in passthrough mode devices reach all memory as if there were no IOMMU",
	  "build without CONFIG_IOMMU_DEFAULT_PASSTHROUGH and boot without iommu=pt",
	  "# CONFIG_IOMMU_DEFAULT_PASSTHROUGH is not set", NULL, "iommu.passthrough=0", NULL },
	{ "dma.strict", "IOTLB flushed before unmapped memory is reused (iommu.strict=1)", "dma",
	  SEV(M, M), 0, 0,
	  ANY(CL_ONEOF("iommu.strict", CL_BOOL_TRUE),
	      ALL(KY_V("IOMMU_DEFAULT_DMA_STRICT", V(5, 15), 0), CL_ABSENT("iommu.strict"))),
	  SRC_KSPP_CFG, "in lazy mode a device keeps access to freed buffers for a while",
	  "build with CONFIG_IOMMU_DEFAULT_DMA_STRICT=y or boot with iommu.strict=1",
	  "CONFIG_IOMMU_DEFAULT_DMA_STRICT=y", NULL, "iommu.strict=1", NULL },
	{ "dma.efi_pci", "bus mastering off until the IOMMU is up (EFI_DISABLE_PCI_DMA)", "dma",
	  SEV(M, M), 0, 0,
	  ANY(KN("EFI"), CL_HAS("efi", "disable_early_pci_dma"),
	      ALL(KY("EFI_DISABLE_PCI_DMA"),
		  COND(LD_SRC_CMDLINE, "efi", LD_OP_NOT_ONEOF, "no_disable_early_pci_dma", 0, 0))),
	  SRC_KSPP_CFG, "devices can DMA into the kernel between EFI hand-off and IOMMU setup",
	  "build with CONFIG_EFI_DISABLE_PCI_DMA=y or boot with efi=disable_early_pci_dma",
	  "CONFIG_EFI_DISABLE_PCI_DMA=y", NULL, "efi=disable_early_pci_dma", NULL },
	{ "dma.iommu_force", "IOMMU forced on (iommu=force)", "dma", SEV(I, I), 0, 0,
	  CL_HAS("iommu", "force"), SRC_IOMMU, "forces the IOMMU on even where it looks unneeded",
	  "boot with iommu=force", NULL, NULL, "iommu=force", "x86" },
	{ "dma.arm_smmu", "Arm SMMUv3 driver built (ARM_SMMU_V3)", "dma", SEV(M, I), 0, 0,
	  KY("ARM_SMMU_V3"), SRC_HARDENING, "arm64 servers confine device DMA with the SMMU",
	  "build with CONFIG_ARM_SMMU_V3=y", "CONFIG_ARM_SMMU_V3=y", NULL, NULL, "arm64" },
	{ "dma.arm_smmu_bypass", "SMMU blocks unknown devices (ARM_SMMU_DISABLE_BYPASS_BY_DEFAULT)",
	  "dma", SEV(M, I), 0, 0, ANY(KN("ARM_SMMU"), KY("ARM_SMMU_DISABLE_BYPASS_BY_DEFAULT")),
	  SRC_HARDENING, "in bypass a device without a driver reaches all memory",
	  "build with CONFIG_ARM_SMMU_DISABLE_BYPASS_BY_DEFAULT=y",
	  "CONFIG_ARM_SMMU_DISABLE_BYPASS_BY_DEFAULT=y", NULL, NULL, "arm64" },
	{ "dma.firewire_early", "no early FireWire DMA (PROVIDE_OHCI1394_DMA_INIT)", "dma",
	  SEV(L, I), 0, 0, KN("PROVIDE_OHCI1394_DMA_INIT"), SRC_HARDENING,
	  "opens physical DMA over FireWire at boot for remote debugging",
	  "build without CONFIG_PROVIDE_OHCI1394_DMA_INIT",
	  "# CONFIG_PROVIDE_OHCI1394_DMA_INIT is not set", NULL, NULL, "x86" },

	/* This project's enforcer. */
	{ "enforcer.loaded", "lockdown enforcer loaded", "enforcer", SEV(I, I), 0, 0,
	  RT_ENFORCER("loaded,sealed"), SRC_BPF_LSM,
	  "fine-grained lockdown answers lsm/locked_down where the kernel's level allows",
	  "lockdown apply --profile integrity (see lockdown(8))", NULL, NULL, NULL, NULL },
	{ "enforcer.sealed", "lockdown enforcer sealed", "enforcer", SEV(L, I), 0, 0,
	  RT_ENFORCER("sealed"), SRC_BPF_LSM,
	  "an unsealed enforcer is removed by root with one command; a sealed one stays until "
	  "reboot",
	  "lockdown apply POLICY --seal", NULL, NULL, NULL, NULL },
	{ "bpf.syscall", "bpf() not built (BPF_SYSCALL)", "bpf", SEV(I, I), 0, 0, KN("BPF_SYSCALL"),
	  SRC_HARDENING, "no BPF at all: also no BPF LSM, so no fine-grained lockdown",
	  "build without CONFIG_BPF_SYSCALL", "# CONFIG_BPF_SYSCALL is not set", NULL, NULL, NULL },
};

const size_t ld_checks_count = sizeof(ld_checks) / sizeof(ld_checks[0]);
