# boot: subjects
# disk: ext4 xfs btrfs
# timeout: 240
# Executable= on the file systems people run programs from: ext4, xfs, tmpfs, btrfs (top level
# and a subvolume), and overlayfs mounted the way container runtimes do (lowerdir, upperdir,
# workdir), with a file from the lower layer and one copied up; once with every layer on one
# file system and once with the lower layer on xfs and the upper on tmpfs. In each place one
# copy of ldtrigger is exempt (dev_mem allowed) and another copy is not (dev_mem denied), the
# kernel's identity of the denied copy (its event) is the one explain computes, and explain
# says what the kernel did. stat()'s device is not the kernel's on btrfs and on the mixed
# overlay: these places fail if the compiler takes it.

lockdown remove >/dev/null 2>&1

# mount_fs FS DIR: the group's disk image of FS on DIR.
mount_fs() {
	dev=$(disk "$1") || { not_ok "mount-$1" "no disk for $1 (# disk: header)"; return 1; }
	mkdir -p "$2"
	if mount -t "$1" "$dev" "$2" 2>/tmp/mount.err; then ok "mount-$1"; else
		not_ok "mount-$1" "mount -t $1 $dev: $(head -c 200 /tmp/mount.err)"
		return 1
	fi
}
mount_fs ext4 /mnt/ext4
mount_fs xfs /mnt/xfs
mount_fs btrfs /mnt/btrfs
mkdir -p /mnt/tmpfs /mnt/t2 && mount -t tmpfs tmpfs /mnt/tmpfs && mount -t tmpfs tmpfs /mnt/t2
expect_rc btrfs-subvolume 0 ldtrigger mksubvol /mnt/btrfs/sub

# A btrfs subvolume numbers its inodes from 257 as the top level does: three files first, so
# that its exempt and other copies do not share inode numbers with the top level's.
for f in pad1 pad2 pad3; do cp /bin/ldtrigger /mnt/btrfs/sub/$f; done

# Places: NAME DIR, where DIR/exempt and DIR/other are copies of ldtrigger. The overlay places
# are filled below, in their lower layer.
cat >/tmp/places <<'EOF'
ext4 /mnt/ext4
xfs /mnt/xfs
tmpfs /mnt/tmpfs
btrfs /mnt/btrfs
btrfs-subvolume /mnt/btrfs/sub
overlay-lower /mnt/ovl/lower
overlay-upper /mnt/ovl/upper
overlay-mixed-lower /mnt/ovl2/lower
overlay-mixed-upper /mnt/ovl2/upper
EOF
for d in /mnt/ext4 /mnt/xfs /mnt/tmpfs /mnt/btrfs /mnt/btrfs/sub; do
	cp /bin/ldtrigger $d/exempt && cp /bin/ldtrigger $d/other
done

# overlay LOWER UPPER WORK MOUNT: like a container image: the image's files in the lower
# layer, the container's writes in the upper.
overlay() {
	mkdir -p "$1/lower" "$1/upper" "$2" "$3" "$4"
	for f in exempt other; do
		cp /bin/ldtrigger "$1/lower/$f" && cp /bin/ldtrigger "$1/upper/$f"
	done
	if mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$3" "$4" 2>/tmp/mount.err
	then ok "mount-$(basename "$4")"; else
		not_ok "mount-$(basename "$4")" "$(head -c 200 /tmp/mount.err)"
		return 1
	fi
	# Copy-up: a metadata change copies the file from the lower layer into the upper one.
	chmod 755 "$4/upper/exempt" "$4/upper/other"
	if [ -f "$2/upper/exempt" ] && [ -f "$2/upper/other" ] && [ ! -f "$2/lower/exempt" ]; then
		ok "copied-up-$(basename "$4")"
	else
		not_ok "copied-up-$(basename "$4")" "upper layer: $(find "$2" -type f | tr '\n' ' ')"
	fi
}
# Every layer on ext4 (container runtimes keep their layers in one directory tree).
mkdir -p /mnt/ext4/image
overlay /mnt/ext4/image /mnt/ext4/container /mnt/ext4/work /mnt/ovl
# Lower layer on xfs, upper on tmpfs: stat() reports a device of overlayfs' own for each layer.
mkdir -p /mnt/xfs/image
overlay /mnt/xfs/image /mnt/t2/container /mnt/t2/work /mnt/ovl2

# An overlayfs of two tmpfs layers: both number their inodes upwards from 1, and without
# xino overlayfs passes a layer's inode numbers through. Files are created in the merged
# directory (so in the upper layer) until one has the inode number of the exempt lower file.
mkdir -p /mnt/l3 /mnt/u3 /mnt/ovl3
mount -t tmpfs tmpfs /mnt/l3 && mount -t tmpfs tmpfs /mnt/u3 && mkdir -p /mnt/u3/up /mnt/u3/work
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do : >/mnt/l3/pad$i; done
cp /bin/ldtrigger /mnt/l3/exempt
mount -t overlay overlay -o lowerdir=/mnt/l3,upperdir=/mnt/u3/up,workdir=/mnt/u3/work /mnt/ovl3
ovl_twin=
want=$(stat -c %i /mnt/ovl3/exempt)
i=0
while [ $i -lt 60 ] && [ -z "$ovl_twin" ]; do
	: >/mnt/ovl3/new$i
	[ "$(stat -c %i /mnt/ovl3/new$i)" != "$want" ] || ovl_twin=/mnt/ovl3/new$i
	i=$((i + 1))
done
# cp into an existing file keeps its inode.
[ -z "$ovl_twin" ] || { cp /bin/ldtrigger "$ovl_twin" && chmod 755 "$ovl_twin"; }

{
	echo '[Policy]'
	echo 'Deny=dev_mem'
	while read -r name dir; do
		printf '[%s]\nExecutable=%s/exempt\nAllow=dev_mem\n' "$name" "$dir"
	done </tmp/places
	printf '[overlay-tmpfs]\nExecutable=/mnt/ovl3/exempt\nAllow=dev_mem\n'
} >/tmp/fs.conf
expect_rc apply 0 lockdown apply /tmp/fs.conf

# json_str FILE KEY, json_num FILE KEY: the first value of KEY in a one-line JSON document.
json_str() { sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p" "$1" | head -n1; }
json_num() { sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p" "$1" | head -n1; }

while read -r name dir; do
	for who in exempt other; do
		f=$dir/$who
		case $who in exempt) want=allowed ;; *) want=denied ;; esac
		got=$("$f" dev_mem 2>&1 | awk '{ print $2 }')
		expect_eq "$name-$who" "$got" "$want" "$f dev_mem"
		lockdown explain /tmp/fs.conf --reason dev_mem --exe "$f" -j >/tmp/ex.json 2>&1
		expect_eq "$name-$who-explain" "$(json_str /tmp/ex.json outcome)" "$got" \
			"explain vs the kernel for $f: $(head -c 300 /tmp/ex.json)"
		[ "$who" = other ] || continue
		# The denied copy's event (the last one: nothing else asks for dev_mem here): the
		# identity the kernel read is the one explain computed.
		ev=$(lockdown events -j | tail -n1)
		kdev=$(echo "$ev" | sed -n 's/.*"exe_dev":"\([0-9]*:[0-9]*\)".*/\1/p')
		kino=$(echo "$ev" | sed -n 's/.*"exe_ino":\([0-9]*\).*/\1/p')
		edev=$(json_num /tmp/ex.json dev)
		expect_eq "$name-identity" "$kdev $kino" \
			"$((edev >> 20)):$((edev & 1048575)) $(json_num /tmp/ex.json ino)" \
			"kernel's (dev ino) of $f vs explain's; stat says $(stat -c '%d %i' "$f")"
	done
done </tmp/places

# stat()'s device is not the super block's where this matters (else the places above prove
# nothing new): btrfs and the mixed overlay.
for f in /mnt/btrfs/exempt /mnt/btrfs/sub/exempt /mnt/ovl2/lower/exempt; do
	lockdown explain /tmp/fs.conf --reason dev_mem --exe "$f" -j >/tmp/ex.json 2>&1
	edev=$(json_num /tmp/ex.json dev)
	sdev=$(stat -c '%d' "$f")
	sdev=$(((sdev >> 8 & 4095) << 20 | (sdev & 255) | (sdev >> 12 & 1048320)))
	if [ "$edev" != "$sdev" ]; then ok "stat-differs-$(basename "$(dirname "$f")")"; else
		not_ok "stat-differs-$(basename "$(dirname "$f")")" \
			"$f: explain's device is stat()'s ($sdev), not the super block's"
	fi
done

# The limit docs/policy.md states: the kernel knows a btrfs file by its file system's device
# and inode number, and every subvolume numbers its inodes from 257: a file in a subvolume
# with the exempt top-level file's inode number is exempt too. explain says so as well.
top=$(stat -c %i /mnt/btrfs/exempt)
twin=
for f in pad1 pad2 pad3; do [ "$(stat -c %i /mnt/btrfs/sub/$f)" = "$top" ] && twin=/mnt/btrfs/sub/$f; done
if [ -z "$twin" ]; then
	skip btrfs-same-inode-in-subvolume "no file in the subvolume has inode $top"
else
	expect_eq btrfs-same-inode-in-subvolume "$("$twin" dev_mem | awk '{ print $2 }')" allowed \
		"$twin shares inode $top with /mnt/btrfs/exempt"
	lockdown explain /tmp/fs.conf --reason dev_mem --exe "$twin" -j >/tmp/ex.json 2>&1
	expect_eq btrfs-same-inode-explain "$(json_str /tmp/ex.json rule)" btrfs "$(head -c 300 /tmp/ex.json)"
fi

# The same on an overlayfs whose layers are two file systems: an upper-layer file with the
# inode number of an exempt lower-layer file is exempt too.
expect_eq overlay-tmpfs-exempt "$(/mnt/ovl3/exempt dev_mem | awk '{ print $2 }')" allowed
if [ -z "$ovl_twin" ]; then
	skip overlay-same-inode-in-upper "no file of the upper layer got inode $want"
else
	expect_eq overlay-same-inode-in-upper "$("$ovl_twin" dev_mem | awk '{ print $2 }')" \
		allowed "$ovl_twin (upper layer) shares inode $want with /mnt/ovl3/exempt (lower)"
	lockdown explain /tmp/fs.conf --reason dev_mem --exe "$ovl_twin" -j >/tmp/ex.json 2>&1
	expect_eq overlay-same-inode-explain "$(json_str /tmp/ex.json rule)" overlay-tmpfs \
		"$(head -c 300 /tmp/ex.json)"
fi

lockdown remove >/dev/null 2>&1
umount /mnt/ovl /mnt/ovl2 /mnt/ovl3 /mnt/btrfs /mnt/xfs /mnt/ext4 /mnt/tmpfs /mnt/t2 /mnt/l3 \
	/mnt/u3 2>/dev/null
