import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { EmptyState } from '../components/EmptyState.tsx';

export function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      description="The address does not match any page of Tandem."
      action={
        <Button component={Link} to="/">
          Go to the portfolio
        </Button>
      }
    />
  );
}
