import { initials } from '@/lib/directory/person-name';
import { photoUrl } from '@/lib/photos/photo-files';
import { CARD, linesPath, type ChartCard, type ChartLayout } from './chart-layout';
import { plural, summaryLines } from './person-summary';

// The visible chart as a file: an SVG (photos inside it, so it opens
// anywhere) or a PNG, both drawn from the layout the page shows. Each card
// becomes a few shapes (drawCard), which one writer turns into SVG and another
// paints on a canvas. Runs in the browser: text is measured with the canvas so
// that long names are cut where they would overflow the card.

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const COLOUR = { line: '#94a3b8', border: '#cbd5e1', focus: '#4f46e5', text: '#0f172a', muted: '#475569', avatar: '#4f46e5', white: '#ffffff' };
const PAD = 12;
const AVATAR = 40;
const TEXT_LEFT = PAD + AVATAR + 10;
/** Canvases larger than this on a side fail in Chromium; a larger chart's PNG is drawn smaller. */
const MOST_PIXELS_A_SIDE = 16_000;

type Shape =
  | { kind: 'box'; x: number; y: number; width: number; height: number; stroke: string; dashed?: boolean; thick?: boolean }
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; colour: string; centred?: boolean }
  | { kind: 'avatar'; cx: number; cy: number; name: string; photo: string | null };

let measurer: CanvasRenderingContext2D | null = null;
const font = (size: number, bold = false) => `${bold ? '600 ' : ''}${size}px ${FONT}`;

/** `text` cut with an ellipsis to fit `width` pixels in the given font. */
function fitted(text: string, width: number, size: number, bold = false): string {
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = font(size, bold);
  if (measurer.measureText(text).width <= width) return text;
  let cut = text.length;
  while (cut > 0 && measurer.measureText(`${text.slice(0, cut)}…`).width > width) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

function drawCard(card: ChartCard, focusId: string): Shape[] {
  const { x, y } = card;
  const textWidth = CARD.width - TEXT_LEFT - PAD;
  const text = (line: number, value: string, size: number, colour: string, bold = false): Shape => ({
    kind: 'text',
    x: x + TEXT_LEFT,
    y: y + PAD + 14 + line * 18,
    text: fitted(value, textWidth, size, bold),
    size,
    bold,
    colour,
  });
  if (card.kind !== 'person') {
    const words =
      card.kind === 'more'
        ? `and ${plural(card.more, 'other', 'others')}`
        : `${card.kind === 'loading' ? 'Loading' : 'Could not load'} the reports of ${card.manager.name}`;
    return [
      { kind: 'box', x, y, width: CARD.width, height: CARD.height, stroke: COLOUR.border, dashed: true },
      {
        kind: 'text',
        x: x + CARD.width / 2,
        y: y + CARD.height / 2 + 5,
        text: fitted(words, CARD.width - 2 * PAD, 13),
        size: 13,
        colour: COLOUR.muted,
        centred: true,
      },
    ];
  }
  const { person } = card;
  const focused = person.id === focusId;
  const { title, detail, counts } = summaryLines(person);
  const lines = [title, detail, counts].filter((line): line is string => !!line);
  return [
    { kind: 'box', x, y, width: CARD.width, height: CARD.height, stroke: focused ? COLOUR.focus : COLOUR.border, thick: focused },
    { kind: 'avatar', cx: x + PAD + AVATAR / 2, cy: y + PAD + AVATAR / 2, name: person.name, photo: person.photoKey },
    text(0, person.name, 14, COLOUR.text, true),
    ...lines.map((line, i) => text(i + 1, line, 12, COLOUR.muted)),
  ];
}

const shapesOf = (layout: ChartLayout, focusId: string) => layout.cards.flatMap((card) => drawCard(card, focusId));

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A photo loaded from the page's own origin (so a canvas that draws it stays readable), or null: the initials show. */
async function photoImage(key: string): Promise<HTMLImageElement | null> {
  const image = new Image();
  image.src = photoUrl(key, 64);
  return image.decode().then(
    () => image,
    () => null,
  );
}

/** The photos of the people drawn, by photo key. */
async function photosOf(shapes: Shape[]): Promise<Map<string, HTMLImageElement | null>> {
  const keys = [...new Set(shapes.flatMap((s) => (s.kind === 'avatar' && s.photo ? [s.photo] : [])))];
  return new Map(await Promise.all(keys.map(async (key) => [key, await photoImage(key)] as const)));
}

/** A photo as a JPEG data: URL, so that the SVG file carries it in a format every SVG reader knows (WebP is not one). */
function jpegData(image: HTMLImageElement): string {
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = COLOUR.white;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0);
  return canvas.toDataURL('image/jpeg', 0.9);
}

export async function chartSvg(layout: ChartLayout, focusId: string): Promise<string> {
  const shapes = shapesOf(layout, focusId);
  const photos = new Map([...(await photosOf(shapes))].map(([key, image]) => [key, image && jpegData(image)]));
  const body = [`<path d="${linesPath(layout.lines)}" fill="none" stroke="${COLOUR.line}" stroke-width="1.5"/>`];
  shapes.forEach((shape, i) => {
    if (shape.kind === 'box') {
      body.push(
        `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="8" fill="${COLOUR.white}" stroke="${shape.stroke}" stroke-width="${shape.thick ? 2 : 1}"${shape.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
      );
    } else if (shape.kind === 'text') {
      body.push(
        `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}"${shape.bold ? ' font-weight="600"' : ''} fill="${shape.colour}"${shape.centred ? ' text-anchor="middle"' : ''}>${xml(shape.text)}</text>`,
      );
    } else {
      const photo = shape.photo ? photos.get(shape.photo) : null;
      body.push(`<circle cx="${shape.cx}" cy="${shape.cy}" r="${AVATAR / 2}" fill="${COLOUR.avatar}"/>`);
      if (photo) {
        body.push(
          `<clipPath id="p${i}"><circle cx="${shape.cx}" cy="${shape.cy}" r="${AVATAR / 2}"/></clipPath>`,
          `<image href="${photo}" x="${shape.cx - AVATAR / 2}" y="${shape.cy - AVATAR / 2}" width="${AVATAR}" height="${AVATAR}" clip-path="url(#p${i})"/>`,
        );
      } else {
        body.push(
          `<text x="${shape.cx}" y="${shape.cy + 5}" font-size="14" font-weight="600" fill="${COLOUR.white}" text-anchor="middle">${xml(initials(shape.name))}</text>`,
        );
      }
    }
  });
  const { width, height } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(FONT)}">`,
    `<rect width="100%" height="100%" fill="${COLOUR.white}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

export async function chartPng(layout: ChartLayout, focusId: string): Promise<Blob> {
  const shapes = shapesOf(layout, focusId);
  const photos = await photosOf(shapes);
  // Twice the screen's pixels, for print and high-density screens, unless that is too large.
  const scale = Math.min(2, MOST_PIXELS_A_SIDE / Math.max(layout.width, layout.height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(layout.width * scale));
  canvas.height = Math.max(1, Math.ceil(layout.height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = COLOUR.white;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.strokeStyle = COLOUR.line;
  ctx.lineWidth = 1.5;
  for (const line of layout.lines) {
    ctx.beginPath();
    line.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
  }
  for (const shape of shapes) {
    if (shape.kind === 'box') {
      ctx.beginPath();
      ctx.roundRect(shape.x, shape.y, shape.width, shape.height, 8);
      ctx.fillStyle = COLOUR.white;
      ctx.fill();
      ctx.setLineDash(shape.dashed ? [4, 3] : []);
      ctx.lineWidth = shape.thick ? 2 : 1;
      ctx.strokeStyle = shape.stroke;
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (shape.kind === 'text') {
      ctx.font = font(shape.size, shape.bold);
      ctx.fillStyle = shape.colour;
      ctx.textAlign = shape.centred ? 'center' : 'left';
      ctx.fillText(shape.text, shape.x, shape.y);
    } else {
      const photo = shape.photo ? photos.get(shape.photo) : null;
      ctx.save();
      ctx.beginPath();
      ctx.arc(shape.cx, shape.cy, AVATAR / 2, 0, 2 * Math.PI);
      ctx.fillStyle = COLOUR.avatar;
      ctx.fill();
      if (photo) {
        ctx.clip();
        ctx.drawImage(photo, shape.cx - AVATAR / 2, shape.cy - AVATAR / 2, AVATAR, AVATAR);
      } else {
        ctx.font = font(14, true);
        ctx.fillStyle = COLOUR.white;
        ctx.textAlign = 'center';
        ctx.fillText(initials(shape.name), shape.cx, shape.cy + 5);
      }
      ctx.restore();
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn as PNG.'))), 'image/png'),
  );
}

/** Hands `blob` to the browser as a download named `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
