import { IMPORT_KINDS, type ImportKind } from '../../shared/domain/records';
import { DELIMITERS, type Delimiter, type ReadOptions, type TextEncodingName } from '../../shared/reading';
import type { ReadChoices } from './import-protocol';

const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** The preview screen's choices as reader options; anything left on "detect" is detected. */
export function readOptionsFrom(choices: ReadChoices, fileName: string): ReadOptions {
  const options: ReadOptions = {
    fileName,
    dateOrder: choices.dateOrder,
    timeZone: choices.timeZone,
  };
  if (choices.kind && (IMPORT_KINDS as readonly string[]).includes(choices.kind))
    options.kind = choices.kind as ImportKind;
  if (choices.encoding && (ENCODINGS as readonly string[]).includes(choices.encoding)) {
    options.encoding = choices.encoding as TextEncodingName;
  }
  if (choices.delimiter && (DELIMITERS as readonly string[]).includes(choices.delimiter)) {
    options.delimiter = choices.delimiter as Delimiter;
  }
  if (choices.mapping && Object.keys(choices.mapping).length > 0) options.mapping = choices.mapping;
  return options;
}
