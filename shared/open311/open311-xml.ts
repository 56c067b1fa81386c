/** XML of GeoReport v2: a root element holding one element per record, each field a child. */
export type XmlValue = string | number | boolean | null | undefined | XmlRecord | XmlRecord[];
export type XmlRecord = { [field: string]: XmlValue };

export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot carry at all are dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: XmlValue): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    // A list field: each item under the singular of the field's name when it has one.
    const itemName = name.endsWith('s') ? name.slice(0, -1) : 'item';
    return `<${name}>${value.map((item) => element(itemName, item)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([field, child]) => element(field, child))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** A document whose root element is one record (a service definition). */
export function toXmlRecordDocument(root: string, record: XmlRecord): string {
  return `${DECLARATION}${element(root, record)}`;
}

/** A document listing records: `<services><service>…</service></services>`. */
export function toXmlDocument(
  root: string,
  itemName: string,
  records: readonly XmlRecord[],
): string {
  const items = records.map((record) => element(itemName, record)).join('');
  return `${DECLARATION}<${root}>${items}</${root}>`;
}
