import { CheckOutlined, ExportOutlined, PlayCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { taskUpdateBody } from '../../../../src/platform/tasks/tasks.schema.ts';
import { ApiError } from '../../api/client.ts';
import { QueryError } from '../../components/page.tsx';
import { useI18n, useT } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { type Task, type TaskUpdate, useTask, useUpdateTask } from './api.ts';
import { type TaskText, useTaskText } from './messages.ts';

/** The colour of a task's status (未着手・対応中・完了・期限超過・取消). */
export function ProgressTag({ task }: { task: Pick<Task, 'progress' | 'progressLabel'> }) {
  const color = { not_started: 'default', in_progress: 'processing', done: 'success', overdue: 'error', cancelled: 'default' }[task.progress];
  return (
    <Tag color={color} data-testid="task-progress">
      {task.progressLabel}
    </Tag>
  );
}

type EvidenceErrors = { evidenceUrl?: string; evidenceNote?: string };

/**
 * The evidence as the server reads it (the same zod schema, so the same Japanese messages next to
 * the same fields), and — for 完了 — that one of the two is given (Principle 4: every task has
 * evidence; the server refuses the same with 422).
 */
function checkEvidence(body: TaskUpdate, tx: TaskText): EvidenceErrors {
  const errors: EvidenceErrors = {};
  const parsed = taskUpdateBody.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'evidenceUrl' || field === 'evidenceNote') && !errors[field]) errors[field] = issue.message;
    }
  }
  if (body.status === 'done' && !body.evidenceUrl?.trim() && !body.evidenceNote?.trim() && !errors.evidenceUrl) errors.evidenceNote = tx('tasks.error.evidenceRequired');
  return errors;
}

/** Server field errors (400/422) mapped onto the two evidence fields; anything else is a message. */
function serverErrors(error: unknown): EvidenceErrors | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  const errors: EvidenceErrors = {};
  for (const f of error.fields) {
    if (f.path === 'evidenceUrl' || f.path === 'evidenceNote') errors[f.path] = f.message;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

function TaskDetail({ task, onClose }: { task: Task; onClose: () => void }) {
  const tx = useTaskText();
  const t = useT();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const update = useUpdateTask(task.id);
  const [evidenceUrl, setEvidenceUrl] = useState(task.evidenceUrl ?? '');
  const [evidenceNote, setEvidenceNote] = useState(task.evidenceNote ?? '');
  const [errors, setErrors] = useState<EvidenceErrors>({});
  useEffect(() => {
    setEvidenceUrl(task.evidenceUrl ?? '');
    setEvidenceNote(task.evidenceNote ?? '');
    setErrors({});
  }, [task.evidenceUrl, task.evidenceNote]);
  const work = appLink(task.link);
  const open = task.status === 'open';

  const send = (body: TaskUpdate, done: string) => {
    const found = checkEvidence(body, tx);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(body, {
      onSuccess: () => void message.success(done),
      onError: (error) => {
        const fields = serverErrors(error);
        if (fields) setErrors(fields);
        else message.error(error instanceof Error ? error.message : t('common.loadFailed'));
      },
    });
  };
  const evidence = { evidenceUrl: evidenceUrl.trim() || null, evidenceNote: evidenceNote.trim() || null };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="task-detail">
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-detail-title">
        {task.title}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={tx('tasks.detail.progress')}>
          <ProgressTag task={task} />
        </Descriptions.Item>
        <Descriptions.Item label={tx('tasks.detail.due')}>{formatDate(task.dueOn, calendar)}</Descriptions.Item>
        {task.startsOn ? <Descriptions.Item label={tx('tasks.detail.starts')}>{formatDate(task.startsOn, calendar)}</Descriptions.Item> : null}
        <Descriptions.Item label={tx('tasks.detail.owner')}>{task.ownerPersonName ?? task.ownerRoleLabel ?? '—'}</Descriptions.Item>
        {task.departmentName ? <Descriptions.Item label={tx('tasks.detail.department')}>{task.departmentName}</Descriptions.Item> : null}
        <Descriptions.Item label={tx('tasks.detail.source')}>{task.sourceLabel ?? '—'}</Descriptions.Item>
        {task.clause ? <Descriptions.Item label={tx('tasks.detail.clause')}>{task.clause}</Descriptions.Item> : null}
        {task.description ? (
          <Descriptions.Item label={tx('tasks.detail.description')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{task.description}</span>
          </Descriptions.Item>
        ) : null}
        {task.completedAt ? <Descriptions.Item label={tx('tasks.detail.completedAt')}>{formatDateTime(task.completedAt)}</Descriptions.Item> : null}
      </Descriptions>

      {work ? (
        <Button
          type="primary"
          icon={<ExportOutlined />}
          onClick={() => {
            onClose();
            navigate(work);
          }}
          data-testid="task-open-work"
        >
          {tx('tasks.openWork')}
        </Button>
      ) : (
        <Alert type="info" showIcon title={tx('tasks.detail.noWork')} />
      )}

      {open ? (
        <Space wrap>
          {task.progress === 'in_progress' || task.startedAt ? (
            <Button icon={<RollbackOutlined />} onClick={() => send({ status: 'open' }, tx('tasks.saved'))} loading={update.isPending} data-testid="task-unstart">
              {tx('tasks.unstart')}
            </Button>
          ) : (
            <Button icon={<PlayCircleOutlined />} onClick={() => send({ status: 'in_progress' }, tx('tasks.started'))} loading={update.isPending} data-testid="task-start">
              {tx('tasks.start')}
            </Button>
          )}
        </Space>
      ) : null}

      <Form layout="vertical" component="div">
        <Typography.Title level={5}>{tx('tasks.evidence')}</Typography.Title>
        <Form.Item
          label={tx('tasks.evidenceUrl')}
          htmlFor="task-evidence-url"
          extra={tx('tasks.evidenceUrlHint')}
          validateStatus={errors.evidenceUrl ? 'error' : undefined}
          help={errors.evidenceUrl}
        >
          <Input
            id="task-evidence-url"
            value={evidenceUrl}
            onChange={(e) => {
              setEvidenceUrl(e.target.value);
              setErrors((x) => ({ ...x, evidenceUrl: undefined }));
            }}
            placeholder="https://"
            data-testid="task-evidence-url"
          />
        </Form.Item>
        <Form.Item
          label={tx('tasks.evidenceNote')}
          htmlFor="task-evidence-note"
          validateStatus={errors.evidenceNote ? 'error' : undefined}
          help={errors.evidenceNote}
          extra={tx('tasks.evidenceNoteHint')}
        >
          <Input.TextArea
            id="task-evidence-note"
            rows={3}
            value={evidenceNote}
            onChange={(e) => {
              setEvidenceNote(e.target.value);
              setErrors((x) => ({ ...x, evidenceNote: undefined }));
            }}
            data-testid="task-evidence-note"
          />
        </Form.Item>
        <Space wrap>
          {open ? (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => send({ status: 'done', ...evidence }, tx('tasks.completed'))}
              loading={update.isPending}
              data-testid="task-complete"
            >
              {tx('tasks.complete')}
            </Button>
          ) : null}
          {task.status === 'done' ? (
            <>
              <Button onClick={() => send({ status: 'done', ...evidence }, tx('tasks.saved'))} loading={update.isPending} data-testid="task-save-evidence">
                {tx('tasks.saveEvidence')}
              </Button>
              <Button icon={<RollbackOutlined />} onClick={() => send({ status: 'open' }, tx('tasks.saved'))} loading={update.isPending} data-testid="task-reopen">
                {tx('tasks.reopen')}
              </Button>
            </>
          ) : null}
        </Space>
      </Form>
    </Space>
  );
}

/** A task in a drawer (`/tasks/:id`, or a row of the list): its details, 作業を開く, 着手 and 完了 with evidence. */
export function TaskDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const tx = useTaskText();
  const task = useTask(id);
  const notFound = task.error instanceof ApiError && task.error.status === 404;
  return (
    <Drawer open={id !== null} onClose={onClose} title={tx('tasks.detail')} size="large" destroyOnHidden closable={{ 'aria-label': tx('tasks.close') }}>
      {task.isPending && id ? <Spin /> : null}
      {notFound ? <Alert type="warning" showIcon title={tx('tasks.notFound')} data-testid="task-not-found" /> : null}
      {task.isError && !notFound ? <QueryError error={task.error} onRetry={() => task.refetch()} /> : null}
      {task.data ? <TaskDetail task={task.data} onClose={onClose} /> : null}
    </Drawer>
  );
}
