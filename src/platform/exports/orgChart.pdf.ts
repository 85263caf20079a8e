import type { ChartHolder, ChartNode, OrgChart } from '../org/orgChart.ts';
import type { DateStyle } from '../org/org.schema.ts';
import { PdfReport } from './pdf.ts';

// 体制図 as an A4 landscape PDF (SPEC §2, J.2.3.1): the role boxes as a tree joined by lines,
// then every department's box in a grid hanging from the 「各所属」 box.

const GAP_X = 14;
const LEVEL_GAP = 26;
const ROLE_BOX_MAX = 132;
const ROLE_BOX_MIN = 84;
const DEPT_BOX = 138;
const DEPT_GAP_X = 10;
const DEPT_GAP_Y = 18;
const MAX_NAMES = 4;
const LINE = '#333333';
const ROLE_FILL = '#e8edf5';
const VACANT = '#b3261e';

type Placed = { node: ChartNode; x: number; y: number; w: number; h: number; children: Placed[] };

function namesOf(holders: ChartHolder[]): string[] {
  const names = holders.slice(0, MAX_NAMES).map((h) => h.name);
  if (holders.length > MAX_NAMES) names.push(`ほか${holders.length - MAX_NAMES}名`);
  return names;
}

/** Renders the chart; `printedAt` is the printed date (和暦) in the header. */
export async function renderOrgChartPdf(chart: OrgChart, printedAt: Date, dateStyle: DateStyle): Promise<Buffer> {
  const pdf = new PdfReport({
    title: '個人情報保護体制図',
    organizationName: chart.organizationName,
    printedAt,
    dateStyle,
    layout: 'landscape',
    subject: 'JIS Q 15001 J.2.3.1 体制図',
  });
  const { doc } = pdf;
  pdf.paragraph(`基準日：${pdf.date(chart.asOf)}（この日に有効な役割の割当てから作成）`, { fontSize: 8.5 });

  // ---- the role tree: leaves side by side, each parent centred over its children ----
  const roleChildren = (n: ChartNode) => (n.kind === 'departments' ? [] : n.children);
  const leaves = (n: ChartNode): number => {
    const c = roleChildren(n);
    return c.length === 0 ? 1 : c.reduce((s, k) => s + leaves(k), 0);
  };
  const depth = (n: ChartNode): number => 1 + Math.max(0, ...roleChildren(n).map(depth));
  const totalLeaves = leaves(chart.root);
  const boxW = Math.max(ROLE_BOX_MIN, Math.min(ROLE_BOX_MAX, (pdf.contentWidth - (totalLeaves - 1) * GAP_X) / totalLeaves));
  const fontSize = boxW < 110 ? 7.5 : 8.5;
  const boxHeight = (n: ChartNode) => {
    pdf.setFont({ bold: true, size: fontSize });
    const titleH = doc.heightOfString(n.title, { width: boxW - 8 });
    const names = n.kind === 'departments' ? [`${n.children.length}所属`] : n.vacant ? ['（未選任）'] : namesOf(n.holders);
    pdf.setFont({ size: fontSize + 1 });
    const namesH = names.reduce((s, t) => s + doc.heightOfString(t, { width: boxW - 8 }), 0);
    return Math.max(34, titleH + namesH + 12);
  };
  const levels = depth(chart.root);
  const levelHeights: number[] = Array.from({ length: levels }, () => 0);
  const measureLevels = (n: ChartNode, level: number) => {
    levelHeights[level] = Math.max(levelHeights[level] ?? 0, boxHeight(n));
    for (const c of roleChildren(n)) measureLevels(c, level + 1);
  };
  measureLevels(chart.root, 0);
  const treeWidth = totalLeaves * boxW + (totalLeaves - 1) * GAP_X;
  const x0 = pdf.left + (pdf.contentWidth - treeWidth) / 2;
  const top = doc.y + 6;
  const levelY = levelHeights.map((_, i) => top + levelHeights.slice(0, i).reduce((s, h) => s + h + LEVEL_GAP, 0));

  let nextLeaf = 0;
  const place = (n: ChartNode, level: number): Placed => {
    const kids = roleChildren(n).map((c) => place(c, level + 1));
    let x: number;
    if (kids.length === 0) {
      x = x0 + nextLeaf * (boxW + GAP_X);
      nextLeaf++;
    } else {
      const first = kids[0] as Placed;
      const last = kids[kids.length - 1] as Placed;
      x = (first.x + last.x) / 2;
    }
    return { node: n, x, y: levelY[level] ?? top, w: boxW, h: levelHeights[level] ?? 34, children: kids };
  };
  const tree = place(chart.root, 0);

  const drawRoleBox = (p: Placed) => {
    const { node } = p;
    doc
      .rect(p.x, p.y, p.w, p.h)
      .fillColor(node.kind === 'departments' ? '#f4f4f4' : '#ffffff')
      .fill();
    pdf.setFont({ bold: true, size: fontSize });
    doc
      .rect(p.x, p.y, p.w, doc.heightOfString(node.title, { width: p.w - 8 }) + 6)
      .fillColor(ROLE_FILL)
      .fill();
    doc
      .rect(p.x, p.y, p.w, p.h)
      .lineWidth(node.vacant ? 1.2 : 0.8)
      .strokeColor(node.vacant ? VACANT : LINE)
      .stroke();
    pdf.setFont({ bold: true, size: fontSize }).fillColor('black');
    doc.text(node.title, p.x + 4, p.y + 4, { width: p.w - 8, align: 'center' });
    const names = node.kind === 'departments' ? [`${node.children.length}所属`] : node.vacant ? ['（未選任）'] : namesOf(node.holders);
    pdf.setFont({ size: fontSize + 1 }).fillColor(node.vacant ? VACANT : 'black');
    doc.text(names.join('\n'), p.x + 4, doc.y + 3, { width: p.w - 8, align: 'center' });
    doc.fillColor('black');
  };
  const drawTree = (p: Placed) => {
    drawRoleBox(p);
    if (p.children.length === 0) return;
    const busY = p.y + p.h + LEVEL_GAP / 2;
    const cx = p.x + p.w / 2;
    doc.lineWidth(0.8).strokeColor(LINE);
    doc
      .moveTo(cx, p.y + p.h)
      .lineTo(cx, busY)
      .stroke();
    const centers = p.children.map((c) => c.x + c.w / 2);
    doc
      .moveTo(Math.min(cx, ...centers), busY)
      .lineTo(Math.max(cx, ...centers), busY)
      .stroke();
    for (const c of p.children) {
      doc
        .moveTo(c.x + c.w / 2, busY)
        .lineTo(c.x + c.w / 2, c.y)
        .stroke();
      drawTree(c);
    }
  };
  drawTree(tree);
  const treeBottom = (levelY[levels - 1] ?? top) + (levelHeights[levels - 1] ?? 0);

  // ---- the department grid, hanging from the 「各所属」 box by a trunk along the left edge ----
  const find = (p: Placed): Placed | null => (p.node.kind === 'departments' ? p : (p.children.map(find).find(Boolean) ?? null));
  const anchor = find(tree);
  const depts = anchor?.node.children ?? [];
  doc.x = pdf.left;
  doc.y = treeBottom + 16;
  if (anchor && depts.length > 0) {
    const cols = Math.max(1, Math.floor((pdf.contentWidth - 12 + DEPT_GAP_X) / (DEPT_BOX + DEPT_GAP_X)));
    const gridLeft = pdf.left + 12;
    const trunkX = pdf.left + 4;
    const deptHeight = (n: ChartNode) => {
      pdf.setFont({ bold: true, size: 8.5 });
      let h = doc.heightOfString(n.title, { width: DEPT_BOX - 8 }) + 10;
      pdf.setFont({ size: 8 });
      for (const line of n.roles) h += doc.heightOfString(`${line.title}：${line.vacant ? '（未選任）' : namesOf(line.holders).join('、')}`, { width: DEPT_BOX - 8 }) + 2;
      return Math.max(40, h + 6);
    };
    // The trunk starts under the 「各所属」 box and runs to the left edge.
    const ax = anchor.x + anchor.w / 2;
    let trunkTop = anchor.y + anchor.h;
    doc.lineWidth(0.8).strokeColor(LINE);
    doc
      .moveTo(ax, trunkTop)
      .lineTo(ax, treeBottom + 8)
      .lineTo(trunkX, treeBottom + 8)
      .stroke();
    trunkTop = treeBottom + 8;
    let y = treeBottom + 24;
    for (let i = 0; i < depts.length; i += cols) {
      const row = depts.slice(i, i + cols);
      const h = Math.max(...row.map(deptHeight));
      if (y + h > pdf.bottom) {
        doc.moveTo(trunkX, trunkTop).lineTo(trunkX, pdf.bottom).stroke();
        pdf.addPage();
        pdf.setFont({ bold: true, size: 10 }).text('各所属の体制（続き）', pdf.left, doc.y);
        y = doc.y + 16;
        trunkTop = y - 12;
      }
      const busY = y - 8;
      const lastCenter = gridLeft + (row.length - 1) * (DEPT_BOX + DEPT_GAP_X) + DEPT_BOX / 2;
      doc.lineWidth(0.8).strokeColor(LINE);
      doc.moveTo(trunkX, trunkTop).lineTo(trunkX, busY).lineTo(lastCenter, busY).stroke();
      trunkTop = busY;
      row.forEach((n, j) => {
        const x = gridLeft + j * (DEPT_BOX + DEPT_GAP_X);
        doc
          .moveTo(x + DEPT_BOX / 2, busY)
          .lineTo(x + DEPT_BOX / 2, y)
          .stroke();
        pdf.setFont({ bold: true, size: 8.5 });
        const titleH = doc.heightOfString(n.title, { width: DEPT_BOX - 8 }) + 8;
        doc.rect(x, y, DEPT_BOX, titleH).fillColor(ROLE_FILL).fill();
        doc
          .rect(x, y, DEPT_BOX, h)
          .lineWidth(n.vacant ? 1.2 : 0.8)
          .strokeColor(n.vacant ? VACANT : LINE)
          .stroke();
        doc.fillColor('black').text(n.title, x + 4, y + 4, { width: DEPT_BOX - 8, align: 'center' });
        let ly = y + titleH + 3;
        pdf.setFont({ size: 8 });
        for (const line of n.roles) {
          const text = `${line.title}：${line.vacant ? '（未選任）' : namesOf(line.holders).join('、')}`;
          doc.fillColor(line.vacant ? VACANT : 'black').text(text, x + 4, ly, { width: DEPT_BOX - 8 });
          ly = doc.y + 2;
        }
        doc.fillColor('black');
      });
      y += h + DEPT_GAP_Y;
    }
    doc.x = pdf.left;
    doc.y = Math.min(y, pdf.bottom);
  }
  return pdf.toBuffer();
}
