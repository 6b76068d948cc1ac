/**
 * A neutral head (about 1 unit = 20 cm) facing +Z, standing in for the face mesh until the
 * landmark track arrives. Centre of the skull at y = 1.1, so the neck stands on the grid.
 */
export function HeadPlaceholder() {
  const skin = '#b8aea3';
  return (
    <group position={[0, 1.1, 0]}>
      <mesh scale={[0.78, 1, 0.88]} castShadow>
        <sphereGeometry args={[0.62, 48, 32]} />
        <meshStandardMaterial color={skin} roughness={0.75} />
      </mesh>
      {/* Jaw: a flattened sphere under the skull gives the face its chin. */}
      <mesh position={[0, -0.32, 0.1]} scale={[0.62, 0.52, 0.7]}>
        <sphereGeometry args={[0.55, 40, 24]} />
        <meshStandardMaterial color={skin} roughness={0.75} />
      </mesh>
      {[-1, 1].map((side) => (
        <group key={side} position={[side * 0.17, 0.06, 0.5]}>
          {/* Eyes sit in the skull, flattened, so they read as eyes rather than marbles. */}
          <mesh scale={[1, 0.8, 0.6]}>
            <sphereGeometry args={[0.075, 24, 16]} />
            <meshStandardMaterial color="#efebe4" roughness={0.35} />
          </mesh>
          <mesh position={[0, 0, 0.038]} scale={[1, 1, 0.5]}>
            <sphereGeometry args={[0.036, 16, 12]} />
            <meshStandardMaterial color="#2b3440" roughness={0.2} />
          </mesh>
          {/* Brow */}
          <mesh position={[0, 0.11, 0.03]} rotation={[0, 0, side * -0.12]} scale={[1, 0.22, 0.35]}>
            <sphereGeometry args={[0.09, 16, 8]} />
            <meshStandardMaterial color="#8a7f74" roughness={0.9} />
          </mesh>
          {/* Ears */}
          <mesh position={[side * 0.3, -0.04, -0.5]} scale={[0.35, 1, 0.7]}>
            <sphereGeometry args={[0.14, 16, 12]} />
            <meshStandardMaterial color={skin} roughness={0.8} />
          </mesh>
        </group>
      ))}
      <mesh position={[0, -0.1, 0.6]} rotation={[Math.PI / 2.4, 0, 0]}>
        <coneGeometry args={[0.07, 0.2, 20]} />
        <meshStandardMaterial color={skin} roughness={0.75} />
      </mesh>
      {/* Lips: the lower half of a flattened torus, a calm closed mouth. */}
      <mesh position={[0, -0.27, 0.5]} rotation={[0.3, 0, Math.PI]} scale={[1, 0.3, 0.6]}>
        <torusGeometry args={[0.12, 0.03, 12, 32, Math.PI]} />
        <meshStandardMaterial color="#8c4f4a" roughness={0.6} />
      </mesh>
      <mesh position={[0, -0.82, -0.05]}>
        <cylinderGeometry args={[0.24, 0.28, 0.5, 32]} />
        <meshStandardMaterial color={skin} roughness={0.8} />
      </mesh>
    </group>
  );
}
