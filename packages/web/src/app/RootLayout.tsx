import { Outlet } from '@tanstack/react-router';
import { ConflictDialog } from '../components/ConflictDialog.tsx';

/** Around every route: the page, and the conflict dialog any write may open. */
export function RootLayout() {
  return (
    <>
      <Outlet />
      <ConflictDialog />
    </>
  );
}
