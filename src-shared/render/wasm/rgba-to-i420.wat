;; RGBA -> I420 (planar YUV 4:2:0, what H.264 yuv420p encodes) with WebAssembly SIMD, so the
;; encoder is sent 1.5 bytes a pixel instead of 4 and does no colour conversion of its own.
;;
;; BT.601 limited range, integer arithmetic (as libyuv's ARGBToI420):
;;   Y = ((66 R + 129 G + 25 B + 128) >> 8) + 16
;;   U = ((-38 R - 74 G + 112 B + 128) >> 8) + 128   over the 2x2 block's rounded mean
;;   V = ((112 R - 94 G - 18 B + 128) >> 8) + 128
;; The scalar twin for columns past the last 8-pixel block is in rgba-to-i420.ts.
(module
  (import "env" "memory" (memory 1))

  ;; Converts columns [0, blockWidth) (a multiple of 8) of an image with even height.
  (func (export "rgbaToI420")
    (param $rgba i32) (param $width i32) (param $height i32)
    (param $yPlane i32) (param $uPlane i32) (param $vPlane i32) (param $blockWidth i32)
    (local $row i32) (local $x i32) (local $top i32) (local $bottom i32)
    (local $yTop i32) (local $yBottom i32) (local $u i32) (local $v i32)
    (local $p0 v128) (local $p1 v128) (local $rg0 v128) (local $rg1 v128) (local $b0 v128) (local $b1 v128)
    (local $rgMean v128) (local $bMean v128) (local $gMean v128) (local $uv v128)
    (block $rowsDone
      (loop $eachRowPair
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $height)))
        (local.set $top (i32.add (local.get $rgba) (i32.mul (i32.mul (local.get $row) (local.get $width)) (i32.const 4))))
        (local.set $bottom (i32.add (local.get $top) (i32.mul (local.get $width) (i32.const 4))))
        (local.set $yTop (i32.add (local.get $yPlane) (i32.mul (local.get $row) (local.get $width))))
        (local.set $yBottom (i32.add (local.get $yTop) (local.get $width)))
        (local.set $u (i32.add (local.get $uPlane) (i32.mul (i32.shr_u (local.get $row) (i32.const 1)) (i32.shr_u (local.get $width) (i32.const 1)))))
        (local.set $v (i32.add (local.get $vPlane) (i32.mul (i32.shr_u (local.get $row) (i32.const 1)) (i32.shr_u (local.get $width) (i32.const 1)))))
        (local.set $x (i32.const 0))
        (block $blocksDone
          (loop $eachBlock
            (br_if $blocksDone (i32.ge_u (local.get $x) (local.get $blockWidth)))
            ;; Channel bytes of the 8 pixels of each row: [R0..R7, G0..G7] and [B0..B7, B0..B7].
            (local.set $p0 (v128.load (local.get $top)))
            (local.set $p1 (v128.load offset=16 (local.get $top)))
            (local.set $rg0 (i8x16.shuffle 0 4 8 12 16 20 24 28 1 5 9 13 17 21 25 29 (local.get $p0) (local.get $p1)))
            (local.set $b0 (i8x16.shuffle 2 6 10 14 18 22 26 30 2 6 10 14 18 22 26 30 (local.get $p0) (local.get $p1)))
            (local.set $p0 (v128.load (local.get $bottom)))
            (local.set $p1 (v128.load offset=16 (local.get $bottom)))
            (local.set $rg1 (i8x16.shuffle 0 4 8 12 16 20 24 28 1 5 9 13 17 21 25 29 (local.get $p0) (local.get $p1)))
            (local.set $b1 (i8x16.shuffle 2 6 10 14 18 22 26 30 2 6 10 14 18 22 26 30 (local.get $p0) (local.get $p1)))
            (v128.store64_lane 0 (local.get $yTop)
              (i8x16.narrow_i16x8_u
              (i16x8.add
                (i16x8.shr_u
                  (i16x8.add
                    (i16x8.add
                      (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $rg0)) (v128.const i16x8 66 66 66 66 66 66 66 66))
                      (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $rg0)) (v128.const i16x8 129 129 129 129 129 129 129 129)))
                    (i16x8.add
                      (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $b0)) (v128.const i16x8 25 25 25 25 25 25 25 25))
                      (v128.const i16x8 128 128 128 128 128 128 128 128)))
                  (i32.const 8))
                (v128.const i16x8 16 16 16 16 16 16 16 16))
              (v128.const i64x2 0 0)))
            (v128.store64_lane 0 (local.get $yBottom)
              (i8x16.narrow_i16x8_u
              (i16x8.add
                (i16x8.shr_u
                  (i16x8.add
                    (i16x8.add
                      (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $rg1)) (v128.const i16x8 66 66 66 66 66 66 66 66))
                      (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $rg1)) (v128.const i16x8 129 129 129 129 129 129 129 129)))
                    (i16x8.add
                      (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $b1)) (v128.const i16x8 25 25 25 25 25 25 25 25))
                      (v128.const i16x8 128 128 128 128 128 128 128 128)))
                  (i32.const 8))
                (v128.const i16x8 16 16 16 16 16 16 16 16))
              (v128.const i64x2 0 0)))
            ;; Rounded means of each 2x2 block: R in lanes 0-3, G in lanes 4-7; B in lanes 0-3 and again 4-7.
            (local.set $rgMean
              (i16x8.shr_u
                (i16x8.add
                  (i16x8.add (i16x8.extadd_pairwise_i8x16_u (local.get $rg0)) (i16x8.extadd_pairwise_i8x16_u (local.get $rg1)))
                  (v128.const i16x8 2 2 2 2 2 2 2 2))
                (i32.const 2)))
            (local.set $bMean
              (i16x8.shr_u
                (i16x8.add
                  (i16x8.add (i16x8.extadd_pairwise_i8x16_u (local.get $b0)) (i16x8.extadd_pairwise_i8x16_u (local.get $b1)))
                  (v128.const i16x8 2 2 2 2 2 2 2 2))
                (i32.const 2)))
            (local.set $gMean (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $rgMean) (local.get $rgMean)))
            ;; U in lanes 0-3 and V in lanes 4-7 of one vector (each channel's 4 means repeated in 4-7).
            (local.set $uv
              (i16x8.add
                (i16x8.shr_s
                  (i16x8.add
                    (i16x8.add
                      (i16x8.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 (local.get $rgMean) (local.get $rgMean))
                                 (v128.const i16x8 -38 -38 -38 -38 112 112 112 112))
                      (i16x8.mul (local.get $gMean)
                                 (v128.const i16x8 -74 -74 -74 -74 -94 -94 -94 -94)))
                    (i16x8.add
                      (i16x8.mul (local.get $bMean)
                                 (v128.const i16x8 112 112 112 112 -18 -18 -18 -18))
                      (v128.const i16x8 128 128 128 128 128 128 128 128)))
                  (i32.const 8))
                (v128.const i16x8 128 128 128 128 128 128 128 128)))
            (local.set $uv (i8x16.narrow_i16x8_u (local.get $uv) (local.get $uv)))
            (v128.store32_lane 0 (local.get $u) (local.get $uv))
            (v128.store32_lane 1 (local.get $v) (local.get $uv))
            (local.set $top (i32.add (local.get $top) (i32.const 32)))
            (local.set $bottom (i32.add (local.get $bottom) (i32.const 32)))
            (local.set $yTop (i32.add (local.get $yTop) (i32.const 8)))
            (local.set $yBottom (i32.add (local.get $yBottom) (i32.const 8)))
            (local.set $u (i32.add (local.get $u) (i32.const 4)))
            (local.set $v (i32.add (local.get $v) (i32.const 4)))
            (local.set $x (i32.add (local.get $x) (i32.const 8)))
            (br $eachBlock)))
        (local.set $row (i32.add (local.get $row) (i32.const 2)))
        (br $eachRowPair)))))
