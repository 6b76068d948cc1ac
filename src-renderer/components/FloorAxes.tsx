const HALF_LENGTH = 5;
// Lifted a hair above the grid so the lines do not z-fight with its centre lines.
const LIFT = 0.002;
const POSITIONS = new Float32Array([-HALF_LENGTH, LIFT, 0, HALF_LENGTH, LIFT, 0, 0, LIFT, -HALF_LENGTH, 0, LIFT, HALF_LENGTH]);
const RED = [0.85, 0.3, 0.28];
const BLUE = [0.3, 0.5, 0.88];
const COLORS = new Float32Array([...RED, ...RED, ...BLUE, ...BLUE]);

/** The X (red) and Z (blue) axes drawn across the ground grid, as Blender draws its floor axes. */
export function FloorAxes() {
  return (
    <lineSegments>
      <bufferGeometry>
        <bufferAttribute attach="attributes-position" args={[POSITIONS, 3]} />
        <bufferAttribute attach="attributes-color" args={[COLORS, 3]} />
      </bufferGeometry>
      <lineBasicMaterial vertexColors />
    </lineSegments>
  );
}
