// Catches a render error in one panel and shows it with a way on, so the page is never blank.
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props { name: string; children: ReactNode }
interface State { error: Error | null }

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error): void {
    console.error(`flowvar: ${this.props.name} failed`, error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <PanelError name={this.props.name} message={this.state.error.message} retry={() => this.setState({ error: null })} />;
  }
}

/** The failure's text (a function component, so it follows the language). */
function PanelError({ name, message, retry }: { name: string; message: string; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-error" role="alert" data-testid="panel-error">
      <p><strong>{name}</strong> {t('panels:error.couldNotDraw', { message })}</p>
      <button type="button" onClick={retry}>{t('panels:error.tryAgain')}</button>
    </div>
  );
}
