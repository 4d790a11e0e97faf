/**
 * TypeBox schemas of the in-situ routes' responses, for validation-free fast serialisation and the OpenAPI
 * document. Error bodies reuse the STAC API error schema.
 */
import { Type } from '@sinclair/typebox';
import { ErrorSchema } from '../catalog/catalog-schemas.js';

const open = { additionalProperties: true };

/** Column-oriented series (JSON download). */
export const SeriesJsonSchema = Type.Object(
  {
    datastream: Type.String(),
    unit: Type.Object({ name: Type.String(), symbol: Type.String(), definition: Type.String() }),
    count: Type.Integer(),
    downsampled: Type.Boolean({ description: 'true when fewer observations than stored are returned' }),
    time: Type.Array(Type.Number(), { description: 'Epoch milliseconds (UTC)' }),
    value: Type.Array(Type.Number()),
    uncertainty: Type.Array(Type.Union([Type.Number(), Type.Null()]), { description: 'null when unknown' }),
    quality: Type.Array(Type.Integer(), {
      description: '0 unchecked, 1 good, 2 probably good, 3 probably bad, 4 bad',
    }),
  },
  { title: 'In-situ series' },
);

/** A velocity estimate; trajectory fits add seasonal amplitudes, fitted steps and the WRMS. */
export const VelocitySchema = Type.Object(
  {
    method: Type.Union([Type.Literal('midas'), Type.Literal('trajectory')]),
    unit: Type.String({ description: 'unit of the series per year' }),
    velocity: Type.Number(),
    uncertainty: Type.Number(),
  },
  { ...open, title: 'Velocity estimate' },
);

/** A SensorThings document: the service root, an entity or an entity collection. */
export const StaDocumentSchema = Type.Object({}, { ...open, title: 'SensorThings API v1.1 document' });

export const insituErrorResponses = { 400: ErrorSchema, 404: ErrorSchema };
export const analysisErrorResponses = { ...insituErrorResponses, 422: ErrorSchema };
