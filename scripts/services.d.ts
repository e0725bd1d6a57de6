export interface ServiceEntry {
  name: string;
  port: number;
  entry: string;
  portVariable: string;
}
export declare const SERVICES: readonly ServiceEntry[];
