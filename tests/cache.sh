# The caches the tests fill under ${XDG_CACHE_HOME:-~/.cache}/lockdown/ (kernels, kernel
# configs, root file systems), checked when read. Sourced by the scripts that fill or read them.
#
# An entry is a file or a directory. It is trusted only with its manifest beside it,
# ENTRY.sha256: the SHA-256 of every file in the entry, written last, after the writer checked
# that the entry is what it claims to be (a tarball that lists, a kernel image with its magic,
# ...). A reader checks the manifest: every file it lists is there with its hash, and the entry
# holds nothing else. No manifest, a directory where a file belongs, a truncated, unreadable or
# changed file, a missing or extra file: the entry is dropped and built again, never trusted.

ld_cache_root() { echo "${XDG_CACHE_HOME:-$HOME/.cache}/lockdown"; }

# ld_cache_files ENTRY: the entry's paths relative to its parent, sorted, one per line; fails on
# anything but regular files and directories (a symbolic link, a device, a FIFO).
ld_cache_files() {
	local dir base
	dir=$(dirname "$1") base=$(basename "$1")
	[[ -e $1 && ! -L $1 ]] || return 1
	[[ -z $(cd "$dir" && find "$base" ! -type f ! -type d -print -quit) ]] || return 1
	(cd "$dir" && find "$base" -type f -print | LC_ALL=C sort)
}

# ld_cache_ok ENTRY: 0 when ENTRY is exactly what its manifest lists.
ld_cache_ok() {
	local entry=${1%/} dir base have want
	dir=$(dirname "$entry") base=$(basename "$entry")
	[[ -f $entry.sha256 && ! -L $entry.sha256 ]] || return 1
	have=$(ld_cache_files "$entry") || return 1
	# Each line is "HASH  PATH" (64 hex digits; mawk has no {64}) with PATH the entry itself or below it, no "..", no newlines.
	want=$(awk -v b="$base" '
		!/^[0-9a-f]+  / || index($0, "  ") != 65 { exit 1 }
		{ p = substr($0, 67) }
		p != b && index(p, b "/") != 1 { exit 1 }
		p ~ /(^|\/)\.\.(\/|$)/ { exit 1 }
		{ print p }' "$entry.sha256" | LC_ALL=C sort) || return 1
	[[ -n $want && $have == "$want" ]] || return 1
	(cd "$dir" && sha256sum --check --quiet --strict "$base.sha256") >/dev/null 2>&1
}

# ld_cache_seal ENTRY: write ENTRY's manifest (after the entry was checked).
ld_cache_seal() {
	local entry=${1%/} dir base files
	dir=$(dirname "$entry") base=$(basename "$entry")
	files=$(ld_cache_files "$entry") && [[ -n $files ]] || {
		echo "cache: $entry: not a regular file or a directory of regular files" >&2
		return 1
	}
	(cd "$dir" && tr '\n' '\0' <<<"$files" | xargs -0 sha256sum) >"$entry.sha256.tmp" &&
		mv "$entry.sha256.tmp" "$entry.sha256"
}

# ld_cache_drop ENTRY: forget ENTRY (its manifest first, so a half-removed entry is never trusted).
ld_cache_drop() {
	local entry=${1%/}
	rm -f "$entry.sha256" "$entry.sha256.tmp"
	rm -rf "$entry"
}

# ld_magic FILE OFFSET BYTES: 0 when FILE holds BYTES (as printf writes them) at OFFSET.
ld_magic() {
	local want got
	want=$(printf "$3" | od -An -tx1 | tr -d ' \n')
	got=$(od -An -tx1 -j "$2" -N $((${#want} / 2)) "$1" 2>/dev/null | tr -d ' \n') || return 1
	[[ -n $want && $got == "$want" ]]
}
