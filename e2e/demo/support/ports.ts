import { isListening } from '../../../lib/ports';

/** The ports of `ports` that something listens on. */
export async function listeningPorts(ports: number[]): Promise<number[]> {
  const listening = await Promise.all(ports.map(isListening));
  return ports.filter((_, i) => listening[i]);
}
