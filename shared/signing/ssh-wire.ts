import { concatBytes, fromUtf8, utf8 } from './bytes';

/** The SSH wire encoding (RFC 4251 §5): uint32 big-endian, and `string` = uint32 length + bytes. */
export class SshWriter {
  private readonly parts: Uint8Array[] = [];

  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }

  uint32(value: number): this {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, value >>> 0);
    this.parts.push(out);
    return this;
  }

  string(value: Uint8Array | string): this {
    const bytes = typeof value === 'string' ? utf8(value) : value;
    this.uint32(bytes.length);
    this.parts.push(bytes);
    return this;
  }

  bytes(): Uint8Array {
    return concatBytes(...this.parts);
  }
}

export class SshWireError extends Error {}

export class SshReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    /** Names the structure in error messages, e.g. "signature blob". */
    private readonly what: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get remaining(): number {
    return this.data.length - this.offset;
  }

  raw(length: number): Uint8Array {
    if (length > this.remaining) {
      throw new SshWireError(`${this.what} is truncated`);
    }
    const out = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  uint32(): number {
    if (this.remaining < 4) throw new SshWireError(`${this.what} is truncated`);
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  string(): Uint8Array {
    return this.raw(this.uint32());
  }

  text(): string {
    try {
      return fromUtf8(this.string());
    } catch (error) {
      if (error instanceof SshWireError) throw error;
      throw new SshWireError(`${this.what} holds text that is not UTF-8`);
    }
  }

  end(): void {
    if (this.remaining !== 0) {
      throw new SshWireError(`${this.what} has ${this.remaining} unexpected trailing bytes`);
    }
  }
}
