#!/usr/bin/env bash
# Accuracy of the smlm-dense network, alone and refined by a Gaussian MLE on the raw frame (perrin localize
# --refine mle), against the classical Gaussian MLE on held-out simulated frames, scored by
# the SMLM Challenge 2016 protocol at 250 nm (perrin evaluate). Reproduces the table of
# models/smlm-dense/PROVENANCE.md:
#
#   dotnet build Perrin.slnx -c Release
#   examples/scripts/smlm-accuracy.sh [OUT_DIR] [MODEL]
#
# Environment: PERRIN (the CLI, default src/Perrin.Cli/bin/Release/net10.0/perrin), SEED (held-out seed, default
# 20240; the model was trained with seed 1), THREADS (default 2). Needs jq to read perrin evaluate --json.
#
# Held-out sets:
# - densities 0.5, 1, 2, 4 and 6 emitters/µm²: the training recipe (random aberrations, ±500 nm of defocus,
#   500–10,000 photons, 20–150 background photons/pixel) with a Poisson number of emitters at that density,
#   enough frames for about 1000 emitters;
# - crlb: 0.1, 0.2 and 0.5 emitters/µm² (low density: the SMLM Challenge's sparse sets have a few emitters per
#   frame) through a Gaussian PSF of σ = 100 nm (a PSF the network never saw, for which the
#   Cramér–Rao bound of perrin evaluate is exact) with 50 background photons/pixel. perrin evaluate's bound is for
#   an ideal Poisson detector counting every emitted photon; the EMCCD's quantum efficiency 0.9 and excess noise
#   factor √2 raise the attainable RMSE by √(2/0.9) = 1.49, given as "RMSE / EMCCD bound".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-smlm-accuracy}"
model="${2:-$root/models/smlm-dense/model.safetensors}"
perrin="${PERRIN:-$root/src/Perrin.Cli/bin/Release/net10.0/perrin}"
seed="${SEED:-20240}"
threads="${THREADS:-2}"
recipe="$root/examples/recipes/smlm-dense.yaml"
camera=(--baseline 100 --gain 45 --em-gain 300 --qe 0.9 --read-noise 74.4)
emccd_factor=1.4907

command -v jq >/dev/null || { echo "smlm-accuracy.sh needs jq" >&2; exit 1; }
[ -x "$perrin" ] || { echo "no perrin CLI at $perrin: run dotnet build Perrin.slnx -c Release, or set PERRIN" >&2; exit 1; }
mkdir -p "$out"

methods=(network network-mle gauss-mle)

# One held-out set: simulate, localize with the network, the refined network and Gaussian MLE, score each.
run_set() {
  local name="$1" recipe_file="$2" frames="$3"
  shift 3
  local dir="$out/$name"
  mkdir -p "$dir"
  "$perrin" simulate "$recipe_file" -n "$frames" -o "$dir/movie.tif" --truth "$dir/truth.csv" --seed "$seed" --threads "$threads"
  "$perrin" localize "$model" "$dir/movie.tif" -o "$dir/network.csv" --threads "$threads" --force
  "$perrin" localize "$model" "$dir/movie.tif" -o "$dir/network-mle.csv" --refine mle --threads "$threads" --force
  "$perrin" locate "$dir/movie.tif" --method gauss-mle "${camera[@]}" --sigma 1.0 -o "$dir/gauss-mle.csv" --threads "$threads" --force
  for method in "${methods[@]}"; do
    "$perrin" evaluate "$dir/$method.csv" "$dir/truth.csv" --tol 250 --json "$@" > "$dir/$method.json"
  done
}

row() {
  local label="$1" dir="$2" emitters
  emitters=$(($(wc -l < "$dir/truth.csv") - 1))
  for method in "${methods[@]}"; do
    jq -r --arg name "$label" --arg method "$method" --arg n "$emitters" --argjson f "$emccd_factor" '
      def r1: . * 10 | round / 10;
      def r2: . * 100 | round / 100;
      .overall | "| \($name) | \($n) | \($method) | \(.jaccard_percent | r1) | \(.rmse_lateral_nm // 0 | r1) | \(.efficiency_lateral // 0 | r1) | \(.recall * 100 | r1) | \(.precision // 0 | . * 100 | r1) | \(if .rmse_over_crlb then "\(.rmse_over_crlb | r2) / \(.rmse_over_crlb / $f | r2)" else "" end) |"' \
      "$dir/$method.json"
  done
}

table="$out/accuracy.md"
{
  echo "| density (/µm²) | emitters | method | Jaccard (%) | RMSE lateral (nm) | lateral efficiency (%) | recall (%) | precision (%) | RMSE / CRLB (ideal / EMCCD) |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$table.tmp"

for density in 0.5 1 2 4 6; do
  frames=$(awk -v d="$density" 'BEGIN { f = int(1000 / (d * 40.96) + 0.5); print (f < 4 ? 4 : f) }')
  sed -e "s/count: { integer_uniform: \[8, 246\] }/count: { density_per_um2: $density }/" -e '/^augmentations:/d' "$recipe" > "$out/density-$density.yaml"
  grep -q "density_per_um2: $density" "$out/density-$density.yaml" || { echo "the count line of $recipe changed; update smlm-accuracy.sh" >&2; exit 1; }
  run_set "density-$density" "$out/density-$density.yaml" "$frames"
  row "$density" "$out/density-$density" >> "$table.tmp"
done

for density in 0.1 0.2 0.5; do
  frames=$(awk -v d="$density" 'BEGIN { f = int(1000 / (d * 40.96) + 0.5); print (f < 4 ? 4 : f) }')
  cat > "$out/crlb-$density.yaml" <<YAML
recipe: smlm-crlb
image: { width: 64, height: 64 }
optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian, sigma_nm: 100 } }
sample:
  - feature: point_emitter
    count: { density_per_um2: $density }
    x: { uniform: [-0.5, 63.5] }
    y: { uniform: [-0.5, 63.5] }
    photons: { log_uniform: [500, 10000] }
camera: { preset: smlm-challenge-emccd, background_photons: 50 }
YAML
  run_set "crlb-$density" "$out/crlb-$density.yaml" "$frames" --crlb-sigma 100 --crlb-background 50 --pixel-size 100
  row "$density (Gaussian PSF σ 100 nm, background 50)" "$out/crlb-$density" >> "$table.tmp"
done

mv "$table.tmp" "$table"
cat "$table"
