# Shared by postinst and prerm: the Cake target Package puts this file in place of their
# #PRAEFECT_FUNCTIONS# line (maintainer scripts must stand alone). Needs PRAEFECT_CTL, STATE_DIR.

say() { echo "praefect: $*"; }

# What reconfigure renders, for purge (postrm runs when praefect-ctl is gone): the manifest of
# 'praefect-ctl render' ("file 0640 root:git /path", "dir  0755 root:root /path",
# "link /path -> target") kept as "<kind> <path>" lines.
record_rendered_files() {
    scratch=$(mktemp -d) || return 0
    if "$PRAEFECT_CTL" render --output "$scratch/tree" > "$scratch/manifest" 2>/dev/null; then
        mkdir -p "$STATE_DIR"
        awk '$1 == "link" { print "link " $2 } $1 == "file" || $1 == "dir" { print $1 " " $4 }' \
            "$scratch/manifest" > "$STATE_DIR/rendered-files.new"
        mv "$STATE_DIR/rendered-files.new" "$STATE_DIR/rendered-files"
    fi
    rm -rf "$scratch"
}
