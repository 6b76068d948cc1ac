import type { ChannelId } from './channels.js';
import type { Brand } from '../util/ids.js';

export type ShapeId = Brand<string, 'ShapeId'>;

/** A sculpted shape's weight as a keyable channel: `shape:<shape id>`, keyed 0..1 like any channel. */
export type ShapeChannelId = `shape:${string}`;
/** Anything a layer keys: a built-in channel or a shape's weight. */
export type KeyChannelId = ChannelId | ShapeChannelId;

/** What a shape id may be: letters, digits, '_' and '-', up to 64. */
export const SHAPE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function shapeChannel(id: ShapeId): ShapeChannelId {
  return `shape:${id}`;
}

export function isShapeChannel(channel: string): channel is ShapeChannelId {
  return channel.startsWith('shape:');
}

export function shapeIdOf(channel: ShapeChannelId): ShapeId {
  return channel.slice('shape:'.length) as ShapeId;
}
