#!/usr/bin/env bash
# flowvar bench pack: the Node benchmark (GPU engine on Dawn/Vulkan, CPU engine) with its own Node,
# Dawn (dawn.node) and Vulkan loader (libvulkan.so.1). Needs bash, tar with gzip, and the GPU's
# Vulkan driver (NVIDIA: the driver's nvidia_icd.json); no npm, no network.
#   ./run.sh [--quick] [--sizes 1024x128,...] [--seconds S] [--software]
# Prints the bench table, then "--- json ---" and the same report as JSON. --software runs on
# Chromium's SwiftShader (/usr/lib/chromium/vk_swiftshader_icd.json), for machines without a GPU.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${FLOWVAR_BENCH_WORK:-$here/unpacked}"
if [ ! -x "$work/node" ] || [ "$here/payload.tar.gz" -nt "$work/node" ]; then
  mkdir -p "$work"
  tar -xzf "$here/payload.tar.gz" -C "$work"
fi
export LD_LIBRARY_PATH="$work/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
for arg in "$@"; do
  if [ "$arg" = "--software" ] && [ -z "${VK_ICD_FILENAMES:-}" ]; then
    export VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json
  fi
done
# NVIDIA's container toolkit may put the driver manifest where the loader does not look
if [ -z "${VK_ICD_FILENAMES:-}" ] && ! ls /etc/vulkan/icd.d/nvidia*.json /usr/share/vulkan/icd.d/nvidia*.json >/dev/null 2>&1; then
  for f in /usr/local/nvidia/share/vulkan/icd.d/nvidia*.json /usr/local/nvidia/icd.d/nvidia*.json; do
    if [ -f "$f" ]; then export VK_ICD_FILENAMES="$f"; break; fi
  done
fi
exec "$work/node" "$work/app/bench.mjs" "$@"
