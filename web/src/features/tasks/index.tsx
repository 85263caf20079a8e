import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';
import { useTaskText } from './messages.ts';

// タスク・PMS年間計画 (SPEC §3 Tasks & calendar), one lazily loaded chunk.
const TasksPage = lazy(() => import('./TasksPage.tsx'));

function TasksLabel() {
  return <>{useTaskText()('nav.tasks')}</>;
}

export const tasksFeature = defineFeature({
  name: 'tasks',
  // `/tasks/:id` (task notifications and reminder e-mails) opens the task over the list.
  routes: [
    { path: 'tasks', element: <TasksPage /> },
    { path: 'tasks/:id', element: <TasksPage /> },
  ],
  // Everyone has tasks (their own); task managers also see the organization's.
  menu: [{ path: '/tasks', icon: <CalendarOutlined />, Label: TasksLabel }],
});
