/**
 * A fresh id for one preview or import job (`[a-z0-9-]{8,64}` in the contract). Built from
 * getRandomValues, which, unlike crypto.randomUUID, also works on the desktop app's custom scheme.
 */
export function newJobId(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(12));
  return `job-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
