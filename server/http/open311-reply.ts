import type { FastifyReply, FastifyRequest } from 'fastify';
import { toXmlDocument, type XmlRecord } from '../../shared/open311/open311-xml.ts';

export type Open311Format = 'json' | 'xml';

/** The format a request asked for by its path (`….xml`), JSON otherwise. */
export function formatOf(request: FastifyRequest): Open311Format {
  const path = request.url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

export function sendXml(reply: FastifyReply, status: number, xml: string): FastifyReply {
  return reply.code(status).type('application/xml; charset=utf-8').send(xml);
}

/** A list of records in the format asked for. */
export function sendRecords(
  reply: FastifyReply,
  format: Open311Format,
  xmlNames: { root: string; item: string },
  records: readonly XmlRecord[],
  status = 200,
): FastifyReply {
  if (format === 'xml')
    return sendXml(reply, status, toXmlDocument(xmlNames.root, xmlNames.item, records));
  return reply.code(status).send(records);
}

/** GeoReport v2 errors: `[{ code, description }]`, or `<errors><error>…</error></errors>`. */
export function sendOpen311Error(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  description: string,
): FastifyReply {
  return sendRecords(
    reply,
    format,
    { root: 'errors', item: 'error' },
    [{ code: status, description }],
    status,
  );
}
