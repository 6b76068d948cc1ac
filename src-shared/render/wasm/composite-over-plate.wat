;; The two-layer composite of the built-in engine (person-layers.ts) with WebAssembly SIMD:
;; frame = (person * a + plate * (255 - a) + 128) / 255 per channel, a the frame's alpha (the
;; warped matte), the result opaque. Four pixels a step (two vectors of two pixels in 16-bit
;; lanes), then a last pair; the division by 255 is exact: (x + (x >> 8)) >> 8 of x = sum + 128 (all
;; within 16 bits). The scalar twin for an odd last pixel is in composite-kernel.ts.
(module
  (import "env" "memory" (memory 1))

  (func (export "compositeOverPlate")
    (param $frame i32)   ;; byte offset of the frame's RGBA pixels (the warped person layer), in place
    (param $plate i32)   ;; byte offset of the plate's RGBA pixels
    (param $pairs i32)   ;; pixel pairs to do
    (local $end i32) (local $person v128) (local $under v128) (local $low v128) (local $high v128) (local $alpha v128) (local $sum v128)
    (local $c255 v128) (local $c128 v128) (local $opaque v128)
    (local.set $c255 (v128.const i16x8 255 255 255 255 255 255 255 255))
    (local.set $c128 (v128.const i16x8 128 128 128 128 128 128 128 128))
    (local.set $opaque (v128.const i32x4 0xff000000 0xff000000 0xff000000 0xff000000))
    (local.set $end (i32.add (local.get $frame) (i32.shl (local.get $pairs) (i32.const 3))))
    ;; Four pixels a step (two pairs), then a last pair.
    (block $quadsDone
      (loop $eachQuad
        (br_if $quadsDone (i32.gt_u (i32.add (local.get $frame) (i32.const 16)) (local.get $end)))
        (local.set $person (v128.load (local.get $frame)))
        (local.set $under (v128.load (local.get $plate)))
        (local.set $low (i16x8.extend_low_i8x16_u (local.get $person)))
        (local.set $alpha (i8x16.shuffle 6 7 6 7 6 7 6 7 14 15 14 15 14 15 14 15 (local.get $low) (local.get $low)))
        (local.set $sum (i16x8.add (i16x8.add
          (i16x8.mul (local.get $low) (local.get $alpha))
          (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $under)) (i16x8.sub (local.get $c255) (local.get $alpha)))) (local.get $c128)))
        (local.set $low (i16x8.shr_u (i16x8.add (local.get $sum) (i16x8.shr_u (local.get $sum) (i32.const 8))) (i32.const 8)))
        (local.set $high (i16x8.extend_high_i8x16_u (local.get $person)))
        (local.set $alpha (i8x16.shuffle 6 7 6 7 6 7 6 7 14 15 14 15 14 15 14 15 (local.get $high) (local.get $high)))
        (local.set $sum (i16x8.add (i16x8.add
          (i16x8.mul (local.get $high) (local.get $alpha))
          (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $under)) (i16x8.sub (local.get $c255) (local.get $alpha)))) (local.get $c128)))
        (local.set $high (i16x8.shr_u (i16x8.add (local.get $sum) (i16x8.shr_u (local.get $sum) (i32.const 8))) (i32.const 8)))
        (v128.store (local.get $frame) (v128.or (i8x16.narrow_i16x8_u (local.get $low) (local.get $high)) (local.get $opaque)))
        (local.set $frame (i32.add (local.get $frame) (i32.const 16)))
        (local.set $plate (i32.add (local.get $plate) (i32.const 16)))
        (br $eachQuad)))
    (block $done
      (loop $eachPair
        (br_if $done (i32.ge_u (local.get $frame) (local.get $end)))
        (local.set $person (i16x8.extend_low_i8x16_u (v128.load64_zero (local.get $frame))))
        (local.set $under (i16x8.extend_low_i8x16_u (v128.load64_zero (local.get $plate))))
        ;; Each pixel's alpha (lane 3 and 7) in all four of its lanes.
        (local.set $alpha (i8x16.shuffle 6 7 6 7 6 7 6 7 14 15 14 15 14 15 14 15 (local.get $person) (local.get $person)))
        (local.set $sum
          (i16x8.add
            (i16x8.add
              (i16x8.mul (local.get $person) (local.get $alpha))
              (i16x8.mul (local.get $under) (i16x8.sub (local.get $c255) (local.get $alpha))))
            (local.get $c128)))
        (local.set $sum (i16x8.shr_u (i16x8.add (local.get $sum) (i16x8.shr_u (local.get $sum) (i32.const 8))) (i32.const 8)))
        (v128.store64_lane 0 (local.get $frame) (v128.or (i8x16.narrow_i16x8_u (local.get $sum) (local.get $sum)) (local.get $opaque)))
        (local.set $frame (i32.add (local.get $frame) (i32.const 8)))
        (local.set $plate (i32.add (local.get $plate) (i32.const 8)))
        (br $eachPair)))))
