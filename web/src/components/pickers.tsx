import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type DepartmentNode, departmentTree, useDepartments, usePeopleSearch } from '../api/queries.ts';
import type { PersonListItem } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';

type PersonOption = { value: string; label: string };
type PickedPerson = Pick<PersonListItem, 'id' | 'name' | 'nameKana' | 'employeeNumber' | 'departmentName' | 'hasAccount'>;

const personLabel = (p: PickedPerson) => (p.departmentName ? `${p.name}（${p.departmentName}）` : p.name);
const folded = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The people a picker offers for what is typed, searched on the server (name, kana, 従業者番号)
 * 250 ms after the last keystroke, after the `known` ones (the labels of the current value).
 * Until the server has answered for the typed text, the last answer is shown narrowed to the
 * people whose name, kana or number contain it — so the list never empties and refills under
 * the pointer (a click would land on nothing).
 */
export function usePersonOptions({ filter, known = [] }: { filter?: (person: PickedPerson) => boolean; known?: PersonOption[] } = {}) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const people = usePeopleSearch(debounced);
  const answered = search === debounced && !people.isPlaceholderData;
  const options = useMemo(() => {
    const typed = folded(search);
    const found = (people.data?.items ?? [])
      .filter((p) => !filter || filter(p))
      .filter((p) => answered || [p.name, p.nameKana, p.employeeNumber].some((v) => v && folded(v).includes(typed)))
      .map((p): PersonOption => ({ value: p.id, label: personLabel(p) }));
    return [...known.filter((k) => !found.some((f) => f.value === k.value)), ...found];
  }, [people.data, filter, answered, search, known]);
  return { options, onSearch: setSearch, loading: people.isFetching };
}

/** Picks a person (従業者) with a server-side search; `known` labels the current value. */
export function PersonSelect({
  value,
  onChange,
  onBlur,
  id,
  status,
  known,
  allowClear,
  placeholder,
  filter,
  disabled,
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  status?: 'error';
  known?: PersonOption[];
  allowClear?: boolean;
  placeholder?: string;
  filter?: (person: { id: string; hasAccount: boolean }) => boolean;
  disabled?: boolean;
}) {
  const people = usePersonOptions({ filter, known });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: people.onSearch }}
      value={value || undefined}
      onChange={(v) => onChange(v ?? null)}
      onBlur={onBlur}
      options={people.options}
      loading={people.loading}
      allowClear={allowClear}
      placeholder={placeholder}
      // Outside a Field (a filter), the placeholder is the only name on screen: give it to screen readers too.
      aria-label={id ? undefined : placeholder}
      status={status}
      disabled={disabled}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}

type TreeOption = { value: string; title: string; children?: TreeOption[]; disabled?: boolean };
function toTreeOptions(nodes: DepartmentNode[], exclude?: string): TreeOption[] {
  return nodes
    .filter((n) => n.id !== exclude)
    .map((n) => ({ value: n.id, title: n.code ? `${n.name}（${n.code}）` : n.name, ...(n.children ? { children: toTreeOptions(n.children, exclude) } : {}) }));
}

/** Picks a department (所属) from the tree; `exclude` hides a department and its subtree. */
export function DepartmentSelect({
  value,
  onChange,
  onBlur,
  id,
  status,
  exclude,
  allowClear = true,
  placeholder,
  style,
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  status?: 'error';
  exclude?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const t = useT();
  const departments = useDepartments();
  const treeData = useMemo(() => toTreeOptions(departmentTree(departments.data ?? []), exclude), [departments.data, exclude]);
  return (
    <TreeSelect
      id={id}
      value={value || undefined}
      onChange={(v) => onChange((v as string | undefined) ?? null)}
      onBlur={onBlur}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('common.none')}
      // Outside a Field (a filter), the placeholder is the only name on screen: give it to screen readers too.
      aria-label={id ? undefined : (placeholder ?? t('common.none'))}
      status={status}
      loading={departments.isPending}
      style={{ width: '100%', ...style }}
    />
  );
}
