#!/bin/sh
# spikefx: SpikeFX's commands from the app image (spikefx simulate, spikefx render, spikefx --help; with no
# command it opens the window). It starts the image's own runtime with its class archive and the options
# the SpikeFX launcher beside it uses. The launcher, on Linux, also asks the package manager about its own
# path at every start, about 0.2 s: a command run many times from a script or a terminal need not pay it.
here=$(dirname "$(readlink -f "$0")")
app="$here/../lib/app"
exec "$here/../lib/runtime/bin/java" ${package.java.options} -XX:SharedArchiveFile="$app/spikefx.jsa" -Xlog:cds=off \
    -cp "$app/spikefx.jar" ${main.class} "$@"
