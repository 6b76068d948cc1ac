;; The photo warp's inner loops (WebAssembly SIMD): for each triangle prepared by
;; triangle-setup.ts, find each row's span of covered pixel centres and sample the source along it
;; bilinearly in 16.16 fixed point. The arithmetic is the same as the scalar reference
;; (tests/helpers/warp-reference.ts): the same f64 operations for spans and positions, horizontal
;; weights before vertical, each weighted sum truncated by >> 8, so results are bit-identical.
;;
;; Triangle record: 24 x f64 (192 bytes), see triangle-setup.ts
;;     0 minY    8 maxY   16 minX   24 maxX          rows and columns to consider
;;    32 kind0  40 k0     48 c0                      edge 0: x bound k * py + c (kind > 0 lower,
;;    56 kind1  64 k1     72 c1                      < 0 upper; 0: the row is outside when < 0)
;;    80 kind2  88 k2     96 c2
;;   104 rowU  112 rowV                               u, v (16.16) at pixel centre (0.5, 0) ...
;;   120 uPerX 128 uPerY 136 vPerX 144 vPerY         ... and their change per pixel x and y
;;   152 stepU 160 stepV                              rounded per-pixel steps along a row
(module
  (import "env" "memory" (memory 1))

  (func (export "warpTriangles")
    (param $source i32)      ;; byte offset of the source RGBA pixels
    (param $sourceWidth i32) ;; pixels per source row
    (param $maxU i32)        ;; largest u (the last column; its right tap has weight 0), 16.16
    (param $maxV i32)        ;; largest v (the last row; its lower tap has weight 0), 16.16
    (param $target i32)      ;; byte offset of the target RGBA pixels
    (param $targetWidth i32) ;; pixels per target row
    (param $records i32)     ;; byte offset of the first triangle record
    (param $count i32)       ;; triangle records
    (local $recordsEnd i32) (local $rowBytes i32)
    (local $y i32) (local $lastY i32) (local $py f64) (local $from f64) (local $to f64) (local $edge f64)
    (local $uStart f64) (local $vStart f64) (local $uEnd f64) (local $vEnd f64)
    (local $out i32) (local $outEnd i32) (local $clamp i32)
    (local $u i32) (local $v i32) (local $stepU i32) (local $stepV i32)
    (local $cu i32) (local $cv i32) (local $fu i32) (local $fv i32) (local $at i32)
    (local $minX f64) (local $maxX f64) (local $kind0 f64) (local $k0 f64) (local $c0 f64) (local $kind1 f64) (local $k1 f64) (local $c1 f64) (local $kind2 f64) (local $k2 f64) (local $c2 f64) (local $rowU f64) (local $rowV f64) (local $uPerX f64) (local $uPerY f64) (local $vPerX f64) (local $vPerY f64) (local $stepUf f64) (local $stepVf f64)
    (local $quad v128) (local $rows v128) (local $weights v128)
    (local $u4 v128) (local $v4 v128) (local $cu4 v128) (local $cv4 v128) (local $at4 v128)
    (local $spread v128) (local $wu01 v128) (local $wu23 v128) (local $wv01 v128) (local $wv23 v128) (local $pairTop v128) (local $pairBottom v128) (local $c256 v128)
    (local $pixels01 v128) (local $pixels23 v128)
    (local.set $rowBytes (i32.shl (local.get $sourceWidth) (i32.const 2)))
    (local.set $c256 (v128.const i16x8 256 256 256 256 256 256 256 256))
    (local.set $recordsEnd (i32.add (local.get $records) (i32.mul (local.get $count) (i32.const 192))))
    (block $trianglesDone
      (loop $eachTriangle
        (br_if $trianglesDone (i32.ge_u (local.get $records) (local.get $recordsEnd)))
        (local.set $y (i32.trunc_sat_f64_s (f64.load (local.get $records))))
        (local.set $lastY (i32.trunc_sat_f64_s (f64.load offset=8 (local.get $records))))
        (local.set $stepU (i32.trunc_sat_f64_s (f64.load offset=152 (local.get $records))))
        (local.set $stepV (i32.trunc_sat_f64_s (f64.load offset=160 (local.get $records))))
        ;; The record's fields, read once per triangle.
        (local.set $minX (f64.load offset=16 (local.get $records)))
        (local.set $maxX (f64.load offset=24 (local.get $records)))
        (local.set $kind0 (f64.load offset=32 (local.get $records)))
        (local.set $k0 (f64.load offset=40 (local.get $records)))
        (local.set $c0 (f64.load offset=48 (local.get $records)))
        (local.set $kind1 (f64.load offset=56 (local.get $records)))
        (local.set $k1 (f64.load offset=64 (local.get $records)))
        (local.set $c1 (f64.load offset=72 (local.get $records)))
        (local.set $kind2 (f64.load offset=80 (local.get $records)))
        (local.set $k2 (f64.load offset=88 (local.get $records)))
        (local.set $c2 (f64.load offset=96 (local.get $records)))
        (local.set $rowU (f64.load offset=104 (local.get $records)))
        (local.set $rowV (f64.load offset=112 (local.get $records)))
        (local.set $uPerX (f64.load offset=120 (local.get $records)))
        (local.set $uPerY (f64.load offset=128 (local.get $records)))
        (local.set $vPerX (f64.load offset=136 (local.get $records)))
        (local.set $vPerY (f64.load offset=144 (local.get $records)))
        (local.set $stepUf (f64.load offset=152 (local.get $records)))
        (local.set $stepVf (f64.load offset=160 (local.get $records)))
        (block $rowsDone
          (loop $eachRow
            (br_if $rowsDone (i32.gt_s (local.get $y) (local.get $lastY)))
            (block $nextRow
              (local.set $py (f64.add (f64.convert_i32_s (local.get $y)) (f64.const 0.5)))
              (local.set $from (local.get $minX))
              (local.set $to (local.get $maxX))
              ;; Edge 0.
              (local.set $edge (f64.add (f64.mul (local.get $k0) (local.get $py)) (local.get $c0)))
              (if (f64.gt (local.get $kind0) (f64.const 0))
                (then (local.set $from (f64.max (local.get $from) (f64.ceil (local.get $edge)))))
                (else (if (f64.lt (local.get $kind0) (f64.const 0))
                  (then (local.set $to (f64.min (local.get $to) (f64.floor (local.get $edge)))))
                  (else (br_if $nextRow (f64.lt (local.get $edge) (f64.const 0)))))))
              ;; Edge 1.
              (local.set $edge (f64.add (f64.mul (local.get $k1) (local.get $py)) (local.get $c1)))
              (if (f64.gt (local.get $kind1) (f64.const 0))
                (then (local.set $from (f64.max (local.get $from) (f64.ceil (local.get $edge)))))
                (else (if (f64.lt (local.get $kind1) (f64.const 0))
                  (then (local.set $to (f64.min (local.get $to) (f64.floor (local.get $edge)))))
                  (else (br_if $nextRow (f64.lt (local.get $edge) (f64.const 0)))))))
              ;; Edge 2.
              (local.set $edge (f64.add (f64.mul (local.get $k2) (local.get $py)) (local.get $c2)))
              (if (f64.gt (local.get $kind2) (f64.const 0))
                (then (local.set $from (f64.max (local.get $from) (f64.ceil (local.get $edge)))))
                (else (if (f64.lt (local.get $kind2) (f64.const 0))
                  (then (local.set $to (f64.min (local.get $to) (f64.floor (local.get $edge)))))
                  (else (br_if $nextRow (f64.lt (local.get $edge) (f64.const 0)))))))
              ;; Empty (or NaN) spans draw nothing.
              (br_if $nextRow (i32.eqz (f64.le (local.get $from) (local.get $to))))
              ;; Source position of the first pixel, rounded half up, and of the last.
              (local.set $uStart (f64.floor (f64.add (f64.add (f64.add (local.get $rowU)
                (f64.mul (local.get $uPerX) (local.get $from)))
                (f64.mul (local.get $uPerY) (local.get $py))) (f64.const 0.5))))
              (local.set $vStart (f64.floor (f64.add (f64.add (f64.add (local.get $rowV)
                (f64.mul (local.get $vPerX) (local.get $from)))
                (f64.mul (local.get $vPerY) (local.get $py))) (f64.const 0.5))))
              (local.set $uEnd (f64.add (local.get $uStart) (f64.mul (local.get $stepUf) (f64.sub (local.get $to) (local.get $from)))))
              (local.set $vEnd (f64.add (local.get $vStart) (f64.mul (local.get $stepVf) (f64.sub (local.get $to) (local.get $from)))))
              (local.set $clamp
                (i32.or
                  (i32.or
                    (i32.or (f64.lt (local.get $uStart) (f64.const 0)) (f64.gt (local.get $uStart) (f64.convert_i32_s (local.get $maxU))))
                    (i32.or (f64.lt (local.get $uEnd) (f64.const 0)) (f64.gt (local.get $uEnd) (f64.convert_i32_s (local.get $maxU)))))
                  (i32.or
                    (i32.or (f64.lt (local.get $vStart) (f64.const 0)) (f64.gt (local.get $vStart) (f64.convert_i32_s (local.get $maxV))))
                    (i32.or (f64.lt (local.get $vEnd) (f64.const 0)) (f64.gt (local.get $vEnd) (f64.convert_i32_s (local.get $maxV)))))))
              (local.set $u (i32.trunc_sat_f64_s (local.get $uStart)))
              (local.set $v (i32.trunc_sat_f64_s (local.get $vStart)))
              (local.set $out (i32.add (local.get $target)
                (i32.shl (i32.add (i32.mul (local.get $y) (local.get $targetWidth)) (i32.trunc_sat_f64_s (local.get $from))) (i32.const 2))))
              (local.set $outEnd (i32.add (local.get $out)
                (i32.shl (i32.add (i32.trunc_sat_f64_s (f64.sub (local.get $to) (local.get $from))) (i32.const 1)) (i32.const 2))))
              ;; Four pixels at a time: positions, fractions and addresses as i32x4, then two pixels per
              ;; vector (their channels as u16 lanes) through the same arithmetic as the single pixels below,
              ;; where each product fits 16 bits (at most 255 x 256); the four results stored at once.
              (local.set $u4 (i32x4.add (i32x4.splat (local.get $u)) (i32x4.mul (i32x4.splat (local.get $stepU)) (v128.const i32x4 0 1 2 3))))
              (local.set $v4 (i32x4.add (i32x4.splat (local.get $v)) (i32x4.mul (i32x4.splat (local.get $stepV)) (v128.const i32x4 0 1 2 3))))
              (block $quadsDone
                (loop $eachQuad
                  (br_if $quadsDone (i32.gt_u (i32.add (local.get $out) (i32.const 16)) (local.get $outEnd)))
                  (local.set $cu4 (local.get $u4))
                  (local.set $cv4 (local.get $v4))
                  (if (local.get $clamp)
                    (then
                      (local.set $cu4 (i32x4.min_s (i32x4.max_s (local.get $cu4) (v128.const i32x4 0 0 0 0)) (i32x4.splat (local.get $maxU))))
                      (local.set $cv4 (i32x4.min_s (i32x4.max_s (local.get $cv4) (v128.const i32x4 0 0 0 0)) (i32x4.splat (local.get $maxV))))))
                  ;; Fractions (8 bits) as u16 lanes [fu0 fu1 fu2 fu3 fv0 fv1 fv2 fv3], then each pixel's
                  ;; spread over its 4 channels: $wu01 = [fu0 x4, fu1 x4], and so on.
                  (local.set $weights (i16x8.narrow_i32x4_u
                    (i32x4.shr_u (i32x4.shl (local.get $cu4) (i32.const 16)) (i32.const 24))
                    (i32x4.shr_u (i32x4.shl (local.get $cv4) (i32.const 16)) (i32.const 24))))
                  (local.set $spread (i8x16.shuffle 0 1 0 1 2 3 2 3 4 5 4 5 6 7 6 7 (local.get $weights) (local.get $weights)))
                  (local.set $wu01 (i8x16.shuffle 0 1 2 3 0 1 2 3 4 5 6 7 4 5 6 7 (local.get $spread) (local.get $spread)))
                  (local.set $wu23 (i8x16.shuffle 8 9 10 11 8 9 10 11 12 13 14 15 12 13 14 15 (local.get $spread) (local.get $spread)))
                  (local.set $spread (i8x16.shuffle 8 9 8 9 10 11 10 11 12 13 12 13 14 15 14 15 (local.get $weights) (local.get $weights)))
                  (local.set $wv01 (i8x16.shuffle 0 1 2 3 0 1 2 3 4 5 6 7 4 5 6 7 (local.get $spread) (local.get $spread)))
                  (local.set $wv23 (i8x16.shuffle 8 9 10 11 8 9 10 11 12 13 14 15 12 13 14 15 (local.get $spread) (local.get $spread)))
                  (local.set $at4
                    (i32x4.add (i32x4.splat (local.get $source))
                      (i32x4.shl
                        (i32x4.add (i32x4.mul (i32x4.shr_s (local.get $cv4) (i32.const 16)) (i32x4.splat (local.get $sourceWidth)))
                                   (i32x4.shr_s (local.get $cu4) (i32.const 16)))
                        (i32.const 2))))
                  ;; Pixels 0 and 1: each tap's channels as u16 lanes, [p0 | p1].
                  (local.set $at (i32x4.extract_lane 0 (local.get $at4)))
                  (local.set $pairTop (v128.load64_zero (local.get $at)))
                  (local.set $pairBottom (v128.load64_zero (i32.add (local.get $at) (local.get $rowBytes))))
                  (local.set $at (i32x4.extract_lane 1 (local.get $at4)))
                  (local.set $pairTop (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (local.tee $pairTop (v128.load64_lane 1 (local.get $at) (local.get $pairTop))) (local.get $pairTop)))
                  (local.set $pairBottom (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (local.tee $pairBottom (v128.load64_lane 1 (i32.add (local.get $at) (local.get $rowBytes)) (local.get $pairBottom))) (local.get $pairBottom)))
                  ;; Horizontal: left * (256 - fu) + right * fu, >> 8 (exact in u16: at most 255 * 256).
                  (local.set $pairTop (i16x8.shr_u (i16x8.add
                    (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $pairTop)) (i16x8.sub (local.get $c256) (local.get $wu01)))
                    (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $pairTop)) (local.get $wu01))) (i32.const 8)))
                  (local.set $pairBottom (i16x8.shr_u (i16x8.add
                    (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $pairBottom)) (i16x8.sub (local.get $c256) (local.get $wu01)))
                    (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $pairBottom)) (local.get $wu01))) (i32.const 8)))
                  ;; Vertical: top * (256 - fv) + bottom * fv, >> 8.
                  (local.set $pixels01 (i16x8.shr_u (i16x8.add
                    (i16x8.mul (local.get $pairTop) (i16x8.sub (local.get $c256) (local.get $wv01)))
                    (i16x8.mul (local.get $pairBottom) (local.get $wv01))) (i32.const 8)))
                  ;; Pixels 2 and 3: each tap's channels as u16 lanes, [p2 | p3].
                  (local.set $at (i32x4.extract_lane 2 (local.get $at4)))
                  (local.set $pairTop (v128.load64_zero (local.get $at)))
                  (local.set $pairBottom (v128.load64_zero (i32.add (local.get $at) (local.get $rowBytes))))
                  (local.set $at (i32x4.extract_lane 3 (local.get $at4)))
                  (local.set $pairTop (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (local.tee $pairTop (v128.load64_lane 1 (local.get $at) (local.get $pairTop))) (local.get $pairTop)))
                  (local.set $pairBottom (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (local.tee $pairBottom (v128.load64_lane 1 (i32.add (local.get $at) (local.get $rowBytes)) (local.get $pairBottom))) (local.get $pairBottom)))
                  ;; Horizontal: left * (256 - fu) + right * fu, >> 8 (exact in u16: at most 255 * 256).
                  (local.set $pairTop (i16x8.shr_u (i16x8.add
                    (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $pairTop)) (i16x8.sub (local.get $c256) (local.get $wu23)))
                    (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $pairTop)) (local.get $wu23))) (i32.const 8)))
                  (local.set $pairBottom (i16x8.shr_u (i16x8.add
                    (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $pairBottom)) (i16x8.sub (local.get $c256) (local.get $wu23)))
                    (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $pairBottom)) (local.get $wu23))) (i32.const 8)))
                  ;; Vertical: top * (256 - fv) + bottom * fv, >> 8.
                  (local.set $pixels23 (i16x8.shr_u (i16x8.add
                    (i16x8.mul (local.get $pairTop) (i16x8.sub (local.get $c256) (local.get $wv23)))
                    (i16x8.mul (local.get $pairBottom) (local.get $wv23))) (i32.const 8)))
                  (v128.store (local.get $out) (i8x16.narrow_i16x8_u (local.get $pixels01) (local.get $pixels23)))
                  (local.set $u4 (i32x4.add (local.get $u4) (i32x4.splat (i32.shl (local.get $stepU) (i32.const 2)))))
                  (local.set $v4 (i32x4.add (local.get $v4) (i32x4.splat (i32.shl (local.get $stepV) (i32.const 2)))))
                  (local.set $u (i32.add (local.get $u) (i32.shl (local.get $stepU) (i32.const 2))))
                  (local.set $v (i32.add (local.get $v) (i32.shl (local.get $stepV) (i32.const 2))))
                  (local.set $out (i32.add (local.get $out) (i32.const 16)))
                  (br $eachQuad)))
              ;; The last 0-3 pixels one at a time.
              (br_if $nextRow (i32.ge_u (local.get $out) (local.get $outEnd)))
              (loop $eachPixel
                (local.set $cu (local.get $u))
                (local.set $cv (local.get $v))
                (if (local.get $clamp)
                  (then
                    (local.set $cu (select (i32.const 0) (local.get $cu) (i32.lt_s (local.get $cu) (i32.const 0))))
                    (local.set $cu (select (local.get $maxU) (local.get $cu) (i32.gt_s (local.get $cu) (local.get $maxU))))
                    (local.set $cv (select (i32.const 0) (local.get $cv) (i32.lt_s (local.get $cv) (i32.const 0))))
                    (local.set $cv (select (local.get $maxV) (local.get $cv) (i32.gt_s (local.get $cv) (local.get $maxV))))))
                ;; Fractions (8 bits) and the address of the top-left sample.
                (local.set $fu (i32.and (i32.shr_s (local.get $cu) (i32.const 8)) (i32.const 255)))
                (local.set $fv (i32.and (i32.shr_s (local.get $cv) (i32.const 8)) (i32.const 255)))
                (local.set $at
                  (i32.add (local.get $source)
                    (i32.shl
                      (i32.add (i32.mul (i32.shr_s (local.get $cv) (i32.const 16)) (local.get $sourceWidth))
                               (i32.shr_s (local.get $cu) (i32.const 16)))
                      (i32.const 2))))
                ;; The 4 taps (top pair, bottom pair: one load each) as [TL BL | TR BR], each channel a u16 lane.
                (local.set $quad
                  (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15
                    (local.tee $quad (v128.load64_lane 1 (i32.add (local.get $at) (local.get $rowBytes)) (v128.load64_zero (local.get $at))))
                    (local.get $quad)))
                ;; Horizontal: [top | bottom] = left * (256 - fu) + right * fu, >> 8.
                (local.set $weights (i16x8.splat (local.get $fu)))
                (local.set $rows (i16x8.shr_u (i16x8.add
                  (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $quad)) (i16x8.sub (local.get $c256) (local.get $weights)))
                  (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $quad)) (local.get $weights))) (i32.const 8)))
                ;; Vertical: top * (256 - fv) + bottom * fv (the bottom's product moved under the top's), >> 8.
                (local.set $weights (i16x8.splat (local.get $fv)))
                (local.set $rows (i16x8.shr_u (i16x8.add
                  (i16x8.mul (local.get $rows) (i16x8.sub (local.get $c256) (local.get $weights)))
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
                    (local.tee $weights (i16x8.mul (local.get $rows) (local.get $weights))) (local.get $weights))) (i32.const 8)))
                (v128.store32_lane 0 (local.get $out) (i8x16.narrow_i16x8_u (local.get $rows) (local.get $rows)))
                (local.set $u (i32.add (local.get $u) (local.get $stepU)))
                (local.set $v (i32.add (local.get $v) (local.get $stepV)))
                (local.set $out (i32.add (local.get $out) (i32.const 4)))
                (br_if $eachPixel (i32.lt_u (local.get $out) (local.get $outEnd)))))
            (local.set $y (i32.add (local.get $y) (i32.const 1)))
            (br $eachRow)))
        (local.set $records (i32.add (local.get $records) (i32.const 192)))
        (br $eachTriangle)))))
