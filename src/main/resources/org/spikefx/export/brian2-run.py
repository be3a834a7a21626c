#!/usr/bin/env python3
"""The balanced spiking network of SpikeFX, in Brian2: the same network and the same spikes.

Written by SpikeFX @VERSION@ for these parameters:
@PARAMETERS@

The weights and the initial voltages come from SpikeFX (synapses_pre.npy, synapses_post.npy,
synapses_w.npy, v_init.npy beside this file), so the network is the very one SpikeFX simulates.
The update is the discrete step of the reference NumPy model, written one operation per statement so
that neither Brian2's code generation nor the compiler reorders the arithmetic: each step gives the
same numbers, and so the same spikes, as `spikefx simulate` with the same parameters.

Checked with Brian2 @BRIAN2_VERSION@. Run it with

    python3 run.py [--target numpy|cython|cpp_standalone] [--out spikes.csv]

It writes every spike as CSV, step,neuron, in the order they happen, as `spikefx simulate --spikes`.

Going bigger: give SpikeFX a larger n (and T) and write the project again (`spikefx brian2 --n 100000
--out DIR`); the weights file grows as n^2 p, about 20 bytes per synapse. For long or large runs use
`--target cpp_standalone`, which compiles the whole run to one program (Brian2 can also run it on a GPU
through the Brian2CUDA or Brian2GeNN devices).
"""
import argparse
import csv
import os
import time

import numpy as np
import brian2 as b2

HERE = os.path.dirname(os.path.abspath(__file__))

# The model's parameters, as SpikeFX ran them (voltages in mV, times in s).
N = @N@
DT = @DT@
T = @T@
TREF = @TREF@
TM = @TM@
VRESET = @VRESET@
VPEAK = @VPEAK@
TD = @TD@
TR = @TR@
OFFSET = @OFFSET@
STEPS = @STEPS@
SPIKE_PEAK = @SPIKE_PEAK@


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", choices=["numpy", "cython", "cpp_standalone"], default="numpy",
                        help="Brian2's code generation target (default numpy: nothing to compile)")
    parser.add_argument("--out", default=os.path.join(HERE, "spikes.csv"), help="spike CSV to write")
    args = parser.parse_args()

    if args.target == "cpp_standalone":
        b2.set_device("cpp_standalone", directory=os.path.join(HERE, "standalone"))
    else:
        b2.prefs.codegen.target = args.target
    # Compiled targets: no fused multiply-add and no fast-math reordering, so the arithmetic stays IEEE
    # double, one rounding per operation, as in NumPy.
    exact = ["-w", "-O2", "-fno-fast-math", "-ffp-contract=off", "-std=c++11"]
    b2.prefs.codegen.cpp.extra_compile_args_gcc = exact
    b2.prefs.codegen.cpp.extra_compile_args_msvc = ["/Od", "/fp:strict"]

    pre = np.load(os.path.join(HERE, "synapses_pre.npy"))
    post = np.load(os.path.join(HERE, "synapses_post.npy"))
    w = np.load(os.path.join(HERE, "synapses_w.npy"))
    v_init = np.load(os.path.join(HERE, "v_init.npy"))

    b2.defaultclock.dt = DT * b2.second
    namespace = {
        "tref": TREF * b2.second, "tm": TM * b2.second, "vreset": VRESET, "vpeak": VPEAK, "offset": OFFSET,
        "spike_peak": SPIKE_PEAK,
        # Constants computed as the reference computes them.
        "decay_r": float(np.exp(-DT / TR)), "decay_d": float(np.exp(-DT / TD)), "tr_td": TR * TD, "dt_step": DT,
    }
    neurons = b2.NeuronGroup(N, """
        v : 1
        ipsc : 1
        hm : 1
        jd : 1
        inp : 1
        gap : 1
        rate : Hz
        step_v : 1
        to_peak : 1
        to_reset : 1
        tlast : second
        since : second
        """, threshold="v >= vpeak", reset="""
        since = t - tlast
        tlast = tlast + since
        to_peak = spike_peak - v
        v = v + to_peak
        to_reset = vreset - v
        v = v + to_reset
        """, namespace=namespace)
    neurons.v = v_init
    # Before the threshold: the leaky integration, only outside the refractory period.
    neurons.run_regularly("""
        inp = ipsc + offset
        gap = inp - v
        rate = gap / tm
        rate = int(t > tlast + tref) * rate
        step_v = dt * rate
        v = v + step_v
        """, when="start", name="integrate")
    # After the spikes have reached their targets (jd) and the spikers are reset: the two filters.
    neurons.run_regularly("""
        ipsc = ipsc * decay_r + hm * dt_step
        hm = hm * decay_d + jd / tr_td
        jd = 0
        """, when="end", name="filter")
    synapses = b2.Synapses(neurons, neurons, "w : 1", on_pre="jd_post += w", namespace=namespace)
    synapses.connect(i=pre, j=post)
    synapses.w = w
    spikes = b2.SpikeMonitor(neurons)

    start = time.perf_counter()
    b2.run(STEPS * DT * b2.second, namespace=namespace)
    seconds = time.perf_counter() - start

    steps = np.round(np.asarray(spikes.t / b2.second) / DT).astype(np.int64)
    order = np.lexsort((np.asarray(spikes.i), steps))
    with open(args.out, "w", newline="") as out:
        table = csv.writer(out, lineterminator="\n")
        table.writerow(["step", "neuron"])
        for k in order:
            table.writerow([int(steps[k]), int(spikes.i[k])])
    print(f"{len(order)} spikes in {seconds:.1f} s of simulation with Brian2 {b2.__version__} ({args.target});"
          f" written to {args.out}")


if __name__ == "__main__":
    main()
