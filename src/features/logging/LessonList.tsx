// Placeholder: the logging feature replaces this with the class's lesson list.
export function LessonList({ classId }: { classId: string }) {
  return <p data-class-id={classId} />;
}
