/**
 * Adds the products of columns a and a + 1 with columns b … b + 3 of one block of rows to
 * `sums` (width × width, row-major). Column k of the block starts at k × `stride`. The eight
 * sums share their loads and do not wait for each other, which runs several times faster
 * than one dot product at a time. Only the entries with a ≤ b are read afterwards.
 */
export function addBlockProducts(
  block: Float64Array,
  stride: number,
  a: number,
  b: number,
  length: number,
  sums: Float64Array,
  width: number
): void {
  const oa = a * stride;
  const oa1 = oa + stride;
  const o0 = b * stride;
  const o1 = o0 + stride;
  const o2 = o1 + stride;
  const o3 = o2 + stride;

  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (let r = 0; r < length; r++) {
    const x = block[oa + r];
    const y = block[oa1 + r];
    const c0 = block[o0 + r];
    const c1 = block[o1 + r];
    const c2 = block[o2 + r];
    const c3 = block[o3 + r];
    s0 += x * c0;
    s1 += x * c1;
    s2 += x * c2;
    s3 += x * c3;
    t0 += y * c0;
    t1 += y * c1;
    t2 += y * c2;
    t3 += y * c3;
  }

  const row = a * width + b;
  sums[row] += s0;
  sums[row + 1] += s1;
  sums[row + 2] += s2;
  sums[row + 3] += s3;
  sums[row + width] += t0;
  sums[row + width + 1] += t1;
  sums[row + width + 2] += t2;
  sums[row + width + 3] += t3;
}
